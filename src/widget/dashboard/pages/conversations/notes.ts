import { el } from '../../dom';
import { type RoomNote, when } from './format';

// The agents' internal notes in a conversation's transcript: each right after the message it followed when it was
// written, styled apart so nobody mistakes one for something the visitor read.

export function placeNotes(transcript: HTMLElement, notes: RoomNote[]): void {
  const lines = [...transcript.querySelectorAll<HTMLElement>('li[data-seq]')];
  for (const note of [...notes].sort((a, b) => b.afterSeq - a.afterSeq || b.sentAt.localeCompare(a.sentAt))) {
    const item = el('li', { class: 'message note', 'data-note-id': note.id },
      el('div', { class: 'meta' }, el('strong', {}, `Internal note by ${note.agentName} (${note.agentId})`), ' ',
        el('time', { datetime: note.sentAt }, when(note.sentAt, true))),
      el('div', { class: 'text' }, note.text));
    // Latest first, each inserted right after its message: notes after one message keep their written order.
    const after = lines.filter((l) => Number(l.dataset.seq) <= note.afterSeq).pop();
    if (after) after.after(item);
    else transcript.prepend(item);
  }
}
