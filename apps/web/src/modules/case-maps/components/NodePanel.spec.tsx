import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { createNode, readMap, updateNode } from '@coalesce/case-map';
import type { FullMapNode, MapDocs } from '@coalesce/case-map';
import { ACTOR_A, twoViewers } from '../../../test/caseMapDocs';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { NodePanel } from './NodePanel';

function panelFor(docs: MapDocs, id: string, editable = true) {
  const node = readMap(docs).nodes.find((n) => n.id === id) as FullMapNode;
  return renderWithProviders(
    <NodePanel
      node={node}
      coalitionId="c1"
      ownerName="Polaris"
      authorName="Maya Ortiz"
      editable={editable}
      owner
      canUseLayer
      onUpdate={(patch) => updateNode(docs, ACTOR_A, id, patch)}
      onSensitivity={() => undefined}
      onFocus={() => undefined}
      onDelete={() => undefined}
    />,
  );
}

describe('NodePanel', () => {
  it('shows the fields of the node’s type only', () => {
    const { a } = twoViewers();
    const vessel = createNode(a, ACTOR_A, { type: 'vessel', x: 0, y: 0, name: 'Tunago No. 61' });
    const { unmount } = panelFor(a, vessel);
    expect(screen.getByText('Identifiers')).toBeTruthy();
    expect(screen.queryByLabelText('Role', { selector: 'input' })).toBeNull();
    expect(screen.getByText('Held by Polaris')).toBeTruthy();
    expect(screen.getByText('Added by Maya Ortiz')).toBeTruthy();
    unmount();

    const person = createNode(a, ACTOR_A, {
      type: 'person',
      x: 0,
      y: 0,
      name: 'Witness',
      role: 'witness',
    });
    panelFor(a, person);
    expect(screen.getByLabelText('Role', { selector: 'input' })).toBeTruthy();
    expect(screen.queryByText('Identifiers')).toBeNull();
  });

  it('saves a valid edit into the map and shows the model’s reason next to an invalid one', () => {
    const { a, b } = twoViewers();
    const id = createNode(a, ACTOR_A, {
      type: 'vessel',
      x: 0,
      y: 0,
      name: 'Tunago',
      startDate: '2019-02-04',
    });
    panelFor(a, id);

    const name = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'Tunago No. 61' } });
    fireEvent.blur(name);
    expect(readMap(b).nodes[0]).toMatchObject({ name: 'Tunago No. 61' });

    const until = screen.getByLabelText('Until');
    fireEvent.focus(until);
    fireEvent.change(until, { target: { value: '2018-01-01' } });
    fireEvent.blur(until);
    expect(screen.getByText('The end date is before the start date.')).toBeTruthy();
    // Nothing was written, and the refused value stays in the field to be fixed.
    expect(readMap(b).nodes[0]).toMatchObject({ endDate: null });
    expect((until as HTMLInputElement).value).toBe('2018-01-01');

    fireEvent.change(name, { target: { value: '   ' } });
    fireEvent.blur(name);
    expect(screen.getByText(/Name/, { selector: '.mantine-InputWrapper-error' })).toBeTruthy();
    expect(readMap(b).nodes[0]).toMatchObject({ name: 'Tunago No. 61' });
  });

  it('is read-only for someone who may not edit it', () => {
    const { a } = twoViewers();
    const id = createNode(a, ACTOR_A, { type: 'vessel', x: 0, y: 0, name: 'Tunago' });
    panelFor(a, id, false);
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.getByText('You can view this map but not change it.')).toBeTruthy();
  });
});
