import type { ListedDocKind } from '../document-access.js';
import {
  blockquote,
  bulletList,
  doc,
  heading,
  italic,
  paragraph,
  table,
  taskList,
} from './rich-text-builders.js';
import type { RichTextNode } from './rich-text-builders.js';

/** A starting point for a new document; its content fills the document's Yjs state. */
export interface DocumentTemplate {
  id: string;
  name: string;
  kind: ListedDocKind;
  description: string;
  content: RichTextNode;
}

const hint = (text: string) => paragraph(italic(text));

export const LOBBYING_PLAN_TEMPLATE: DocumentTemplate = {
  id: 'lobbying-plan',
  name: 'Lobbying plan',
  kind: 'plan',
  description:
    'Goal, the ask, targets and their offices, allies and opposition, timeline, owners per organization, risks and success measures.',
  content: doc(
    heading(1, 'Lobbying plan'),
    heading(2, 'Goal'),
    hint('What should change, in one or two sentences (e.g. a bill enacted, a provision kept).'),
    heading(2, 'The ask'),
    hint('Exactly what we ask each target to do: cosponsor, vote, sign a letter, hold a hearing.'),
    heading(2, 'Targets and their offices'),
    table(
      ['Target', 'Office / committee', 'Staff contact', 'Current position'],
      ['', '', '', ''],
      ['', '', '', ''],
    ),
    heading(2, 'Allies and opposition'),
    bulletList('Allies: ', 'Opposition: ', 'Undecided: '),
    heading(2, 'Timeline'),
    table(['Date', 'Milestone', 'Owner'], ['', '', ''], ['', '', '']),
    heading(2, 'Owners per organization'),
    table(['Organization', 'Responsible for', 'Person'], ['', '', ''], ['', '', '']),
    heading(2, 'Risks'),
    bulletList(''),
    heading(2, 'Success measures'),
    taskList({ text: '' }),
  ),
};

export const MEETING_BRIEF_TEMPLATE: DocumentTemplate = {
  id: 'meeting-brief',
  name: 'Meeting brief',
  kind: 'brief',
  description: 'Office, attendees per organization, asks, talking points and follow-ups.',
  content: doc(
    heading(1, 'Meeting brief'),
    heading(2, 'Office'),
    hint('Member or official, office, date, time and place.'),
    heading(2, 'Attendees'),
    table(['Organization', 'Attendee', 'Role in the meeting'], ['', '', ''], ['', '', '']),
    heading(2, 'Asks'),
    bulletList(''),
    heading(2, 'Talking points'),
    bulletList(''),
    heading(2, 'Follow-ups'),
    taskList({ text: 'Send thank-you note and materials' }, { text: 'Record the outcome' }),
  ),
};

export const SIGN_ON_LETTER_TEMPLATE: DocumentTemplate = {
  id: 'sign-on-letter',
  name: 'Sign-on letter',
  kind: 'letter',
  description: 'Letter text, signing deadline and the table of signing organizations.',
  content: doc(
    heading(1, 'Sign-on letter'),
    paragraph('Deadline to sign: '),
    heading(2, 'Letter'),
    paragraph('Dear '),
    blockquote(hint('The text of the letter as it will be sent.')),
    paragraph('Sincerely,'),
    heading(2, 'Signing organizations'),
    table(['Organization', 'Signatory', 'Title', 'Confirmed'], ['', '', '', '']),
  ),
};

export const BLANK_TEMPLATE: DocumentTemplate = {
  id: 'blank',
  name: 'Blank',
  kind: 'note',
  description: 'An empty document.',
  content: doc(paragraph()),
};

/** Every template, in the order a picker shows them. Add one here to offer it. */
export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  LOBBYING_PLAN_TEMPLATE,
  MEETING_BRIEF_TEMPLATE,
  SIGN_ON_LETTER_TEMPLATE,
  BLANK_TEMPLATE,
];

export function findDocumentTemplate(id: string): DocumentTemplate | undefined {
  return DOCUMENT_TEMPLATES.find((t) => t.id === id);
}
