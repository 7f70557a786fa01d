import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CollabAppendFunction1764600000000 } from './1764600000000-collab-append-function.js';

/**
 * collab_append() with the updates of a batch packed into ONE bytea parameter (plus their lengths):
 * node-postgres sends a Buffer parameter in binary, but a bytea[] as text, hex-encoding every
 * update on the way in and parsing it again in PostgreSQL. Otherwise the same statement: resent
 * update ids are recognized, seqs come from each document's head row, one implicit transaction.
 * Replaces the bytea[] version.
 */
export class CollabAppendPacked1764660000000 implements MigrationInterface {
  name = 'CollabAppendPacked1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION collab_append(p_doc_ids uuid[], p_updates bytea, p_lengths integer[], p_update_ids varchar[], p_user_ids uuid[])
      RETURNS TABLE (out_update_id varchar, out_doc_id uuid, out_seq bigint, out_duplicate boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        i integer;
        pos integer := 1;
        chunk bytea;
        found_doc uuid;
        found_seq bigint;
      BEGIN
        IF coalesce(array_length(p_lengths, 1), 0) <> coalesce(array_length(p_doc_ids, 1), 0) THEN
          RAISE EXCEPTION 'collab_append: % lengths for % updates', array_length(p_lengths, 1), array_length(p_doc_ids, 1);
        END IF;
        FOR i IN 1 .. coalesce(array_length(p_doc_ids, 1), 0) LOOP
          chunk := substring(p_updates FROM pos FOR p_lengths[i]);
          pos := pos + p_lengths[i];
          SELECT u.doc_id, u.seq INTO found_doc, found_seq FROM doc_updates u WHERE u.update_id = p_update_ids[i];
          IF FOUND THEN
            out_update_id := p_update_ids[i]; out_doc_id := found_doc; out_seq := found_seq; out_duplicate := true;
            RETURN NEXT;
            CONTINUE;
          END IF;
          UPDATE doc_heads h
             SET head_seq = h.head_seq + 1, pending_count = h.pending_count + 1,
                 pending_bytes = h.pending_bytes + p_lengths[i], updated_at = now()
           WHERE h.doc_id = p_doc_ids[i]
          RETURNING h.head_seq INTO found_seq;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'document % has no storage row', p_doc_ids[i];
          END IF;
          INSERT INTO doc_updates (doc_id, seq, update, update_id, user_id)
          VALUES (p_doc_ids[i], found_seq, chunk, p_update_ids[i], p_user_ids[i]);
          out_update_id := p_update_ids[i]; out_doc_id := p_doc_ids[i]; out_seq := found_seq; out_duplicate := false;
          RETURN NEXT;
        END LOOP;
        IF pos <> octet_length(p_updates) + 1 THEN
          RAISE EXCEPTION 'collab_append: lengths do not add up to the packed updates';
        END IF;
      END $$`);
    await q.query(`DROP FUNCTION collab_append(uuid[], bytea[], varchar[], uuid[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    await new CollabAppendFunction1764600000000().up(q);
    await q.query(`DROP FUNCTION collab_append(uuid[], bytea, integer[], varchar[], uuid[])`);
  }
}
