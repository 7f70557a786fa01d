import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * collab_append(): a group commit of the collaboration engine in ONE statement (so one round trip
 * and an implicit transaction): recognizes resent update ids, takes consecutive seqs from each
 * document's head row, inserts the updates. Callers sort the batch by document id so concurrent
 * batches lock head rows in the same order.
 */
export class CollabAppendFunction1764600000000 implements MigrationInterface {
  name = 'CollabAppendFunction1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION collab_append(p_doc_ids uuid[], p_updates bytea[], p_update_ids varchar[], p_user_ids uuid[])
      RETURNS TABLE (out_update_id varchar, out_doc_id uuid, out_seq bigint, out_duplicate boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        i integer;
        found_doc uuid;
        found_seq bigint;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_doc_ids, 1), 0) LOOP
          SELECT u.doc_id, u.seq INTO found_doc, found_seq FROM doc_updates u WHERE u.update_id = p_update_ids[i];
          IF FOUND THEN
            out_update_id := p_update_ids[i]; out_doc_id := found_doc; out_seq := found_seq; out_duplicate := true;
            RETURN NEXT;
            CONTINUE;
          END IF;
          UPDATE doc_heads h
             SET head_seq = h.head_seq + 1, pending_count = h.pending_count + 1,
                 pending_bytes = h.pending_bytes + octet_length(p_updates[i]), updated_at = now()
           WHERE h.doc_id = p_doc_ids[i]
          RETURNING h.head_seq INTO found_seq;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'document % has no storage row', p_doc_ids[i];
          END IF;
          INSERT INTO doc_updates (doc_id, seq, update, update_id, user_id)
          VALUES (p_doc_ids[i], found_seq, p_updates[i], p_update_ids[i], p_user_ids[i]);
          out_update_id := p_update_ids[i]; out_doc_id := p_doc_ids[i]; out_seq := found_seq; out_duplicate := false;
          RETURN NEXT;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION collab_append(uuid[], bytea[], varchar[], uuid[])`);
  }
}
