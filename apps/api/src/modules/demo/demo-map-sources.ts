/** Public sources the demo maps cite as evidence. */
export const CBP = 'https://www.cbp.gov/trade/forced-labor';
export const ILAB = 'https://www.dol.gov/agencies/ilab';
