import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { createNode, readMap } from '@coalesce/case-map';
import { ACTOR_A, ORG_A, ORG_B, twoViewers } from '../../../test/caseMapDocs';
import { renderWithProviders } from '../../../test/renderWithProviders';
import type { MapCommands } from '../hooks/useMapCommands';
import { SelectionPanel } from './SelectionPanel';

describe('SelectionPanel', () => {
  it('shows another organization’s restricted node as a stub with Request access, and nothing more', () => {
    const { a, b } = twoViewers();
    const id = createNode(a, ACTOR_A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 0,
      y: 0,
      name: 'MARKER secret recruiter',
      description: 'MARKER details',
    });
    const requested: string[] = [];
    const { container } = renderWithProviders(
      <SelectionPanel
        view={readMap(b)}
        selection={{ nodes: [id], edges: [] }}
        coalitionId="c1"
        myOrgId={ORG_B}
        editable
        canUseLayer
        orgNames={new Map([[ORG_A, 'Polaris']])}
        userNames={new Map()}
        commands={{} as MapCommands}
        onFocus={() => undefined}
        onRequestAccess={(nodeId) => requested.push(nodeId)}
      />,
    );
    expect(screen.getByText('Restricted person')).toBeTruthy();
    expect(screen.getByText(/Held by Polaris/)).toBeTruthy();
    expect(container.innerHTML).not.toContain('MARKER');
    fireEvent.click(screen.getByRole('button', { name: 'Request access' }));
    expect(requested).toEqual([id]);
  });
});
