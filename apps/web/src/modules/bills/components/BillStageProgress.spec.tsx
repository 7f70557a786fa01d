import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { BillStageProgress } from './BillStageProgress';
import { OverlapAlert } from './OverlapAlert';

describe('BillStageProgress', () => {
  it('shows an enacted bill as a full bar with the dates of the stages it reached', () => {
    renderWithProviders(
      <BillStageProgress
        stage="enacted"
        originChamber="lower"
        stageDates={{
          introduced: '2017-04-27',
          'passed-origin': '2017-07-12',
          'passed-both': '2018-12-17',
          enacted: '2019-01-08',
        }}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Stage: Enacted' });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getAllByText('Passed both chambers').length).toBeGreaterThan(0);
  });

  it('stops a dead bill where it was, and hides the second chamber of a unicameral legislature', () => {
    renderWithProviders(
      <BillStageProgress
        stage="dead"
        originChamber="legislature"
        stageDates={{ introduced: '2026-01-10', 'passed-origin': '2026-03-10', dead: '2026-06-01' }}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Stage: Dead' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(screen.queryByText('In second chamber')).toBeNull();
  });
});

describe('OverlapAlert', () => {
  it('names the other organization, the office and how far apart', () => {
    renderWithProviders(
      <OverlapAlert
        overlaps={[
          {
            meetingId: 'm1',
            office: 'Office of Sen. Dana Whitfield',
            startsAt: '2026-12-03T15:00:00Z',
            organizations: [{ id: 'o', name: 'Solidarity Center' }],
            daysApart: 2,
          },
        ]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Solidarity Center');
    expect(alert.textContent).toContain('Office of Sen. Dana Whitfield');
    expect(alert.textContent).toContain('2 days apart');
  });
});
