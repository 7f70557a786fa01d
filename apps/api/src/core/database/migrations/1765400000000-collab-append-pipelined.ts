import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CollabAppendPacked1764660000000 } from './1764660000000-collab-append-packed.js';

/**
 * collab_append(), cheaper per update and pipeline-safe:
 * - Each document's head row is updated ONCE per batch (locked in uuid order) instead of once per
 *   update: a batch of 500 updates of one document no longer rewrites the same row 500 times in one
 *   transaction (each rewrite slower than the last). Resent ids are found with one lookup and the
 *   updates go in with one INSERT.
 * - `last_batch` on the head row names the batch that last wrote the document. A batch sent while
 *   an earlier one is still being committed (on another connection) names, per shared document, the
 *   batch it builds on (`p_after_*`: its id, and the ids of its updates of that document); if that
 *   one did not commit, this one fails with SQLSTATE CB001 and stores nothing, so the log never
 *   holds updates whose base was lost. (Written over by another node since is fine: its updates
 *   are all stored.)
 * Resent update ids are still recognized (and a repeated id within one batch is stored once).
 */
export class CollabAppendPipelined1765400000000 implements MigrationInterface {
  name = 'CollabAppendPipelined1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE doc_heads ADD COLUMN last_batch bigint`);
    await q.query(`
      CREATE FUNCTION collab_append(p_doc_ids uuid[], p_updates bytea, p_lengths integer[],
                                    p_update_ids varchar[], p_user_ids uuid[], p_batch bigint,
                                    p_after_docs uuid[], p_after_batches bigint[],
                                    p_after_id_docs uuid[], p_after_ids varchar[])
      RETURNS TABLE (out_update_id varchar, out_doc_id uuid, out_seq bigint, out_duplicate boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        n integer := coalesce(array_length(p_doc_ids, 1), 0);
        v_known_ids varchar[];
        v_known_docs uuid[];
        v_known_seqs bigint[];
        v_docs uuid[] := '{}';
        v_counts integer[] := '{}';
        v_bytes bigint[] := '{}';
        v_next bigint[] := '{}';
        v_doc_of integer[] := '{}';
        v_fresh boolean[] := '{}';
        v_seqs bigint[] := '{}';
        v_pos integer[] := '{}';
        v_expected bigint;
        attempt integer;
        v_base bigint;
        v_doc uuid;
        i integer;
        j integer;
        k integer;
        pos integer := 1;
      BEGIN
        IF coalesce(array_length(p_lengths, 1), 0) <> n OR coalesce(array_length(p_update_ids, 1), 0) <> n
           OR coalesce(array_length(p_user_ids, 1), 0) <> n THEN
          RAISE EXCEPTION 'collab_append: the arrays of a batch differ in length';
        END IF;
        IF n = 0 THEN RETURN; END IF;
        -- Resent ids keep where they were stored.
        SELECT array_agg(u.update_id), array_agg(u.doc_id), array_agg(u.seq)
          INTO v_known_ids, v_known_docs, v_known_seqs
          FROM doc_updates u WHERE u.update_id = ANY (p_update_ids);
        FOR i IN 1 .. n LOOP
          v_pos[i] := pos;
          pos := pos + p_lengths[i];
          k := array_position(v_docs, p_doc_ids[i]);
          IF k IS NULL THEN
            v_docs := v_docs || p_doc_ids[i];
            k := array_length(v_docs, 1);
            v_counts[k] := 0;
            v_bytes[k] := 0;
          END IF;
          v_doc_of[i] := k;
          v_fresh[i] := (v_known_ids IS NULL OR NOT (p_update_ids[i] = ANY (v_known_ids)))
                        AND (i = 1 OR NOT (p_update_ids[i] = ANY (p_update_ids[1:i - 1])));
          IF v_fresh[i] THEN
            v_counts[k] := v_counts[k] + 1;
            v_bytes[k] := v_bytes[k] + p_lengths[i];
          END IF;
        END LOOP;
        IF pos <> coalesce(octet_length(p_updates), 0) + 1 THEN
          RAISE EXCEPTION 'collab_append: lengths do not add up to the packed updates';
        END IF;
        -- Head rows in uuid order (concurrent batches lock them in one order), each updated once.
        FOR v_doc IN SELECT d FROM unnest(v_docs) AS d ORDER BY d LOOP
          k := array_position(v_docs, v_doc);
          v_expected := p_after_batches[array_position(p_after_docs, v_doc)];
          -- A batch sent right after the one it builds on can reach the database first: it waits
          -- (briefly) for that one to write the row; if it never does, it did not commit. If every
          -- update of that batch is stored, it did commit and another node wrote since: go on.
          FOR attempt IN 1 .. 40 LOOP
            UPDATE doc_heads h
               SET head_seq = h.head_seq + v_counts[k], pending_count = h.pending_count + v_counts[k],
                   pending_bytes = h.pending_bytes + v_bytes[k], last_batch = p_batch,
                   updated_at = CASE WHEN v_counts[k] > 0 THEN now() ELSE h.updated_at END
             WHERE h.doc_id = v_doc AND (v_expected IS NULL OR h.last_batch IS NOT DISTINCT FROM v_expected)
            RETURNING h.head_seq - v_counts[k] INTO v_base;
            EXIT WHEN FOUND;
            IF NOT EXISTS (SELECT 1 FROM doc_heads h WHERE h.doc_id = v_doc) THEN
              RAISE EXCEPTION 'document % has no storage row', v_doc;
            END IF;
            IF EXISTS (SELECT 1 FROM unnest(p_after_id_docs, p_after_ids) AS a(d, id) WHERE a.d = v_doc)
               AND NOT EXISTS (SELECT 1 FROM unnest(p_after_id_docs, p_after_ids) AS a(d, id)
                                WHERE a.d = v_doc
                                  AND NOT EXISTS (SELECT 1 FROM doc_updates u WHERE u.update_id = a.id)) THEN
              v_expected := NULL;
              CONTINUE;
            END IF;
            IF attempt = 40 THEN
              RAISE EXCEPTION USING ERRCODE = 'CB001',
                MESSAGE = format('collab_append: the batch this one builds on is not committed (document %s)', v_doc);
            END IF;
            PERFORM pg_sleep(0.0005);
          END LOOP;
          v_next[k] := v_base;
        END LOOP;
        FOR i IN 1 .. n LOOP
          IF v_fresh[i] THEN
            k := v_doc_of[i];
            v_next[k] := v_next[k] + 1;
            v_seqs[i] := v_next[k];
          END IF;
        END LOOP;
        INSERT INTO doc_updates (doc_id, seq, update, update_id, user_id)
        SELECT p_doc_ids[g.x], v_seqs[g.x], substring(p_updates FROM v_pos[g.x] FOR p_lengths[g.x]), p_update_ids[g.x], p_user_ids[g.x]
          FROM generate_series(1, n) AS g(x) WHERE v_fresh[g.x];
        FOR i IN 1 .. n LOOP
          out_update_id := p_update_ids[i];
          out_duplicate := NOT v_fresh[i];
          IF v_fresh[i] THEN
            out_doc_id := p_doc_ids[i]; out_seq := v_seqs[i];
          ELSE
            j := CASE WHEN v_known_ids IS NULL THEN NULL ELSE array_position(v_known_ids, p_update_ids[i]) END;
            IF j IS NOT NULL THEN
              out_doc_id := v_known_docs[j]; out_seq := v_known_seqs[j];
            ELSE
              j := array_position(p_update_ids, p_update_ids[i]);
              out_doc_id := p_doc_ids[j]; out_seq := v_seqs[j];
            END IF;
          END IF;
          RETURN NEXT;
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION collab_append(uuid[], bytea, integer[], varchar[], uuid[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION collab_append(uuid[], bytea, integer[], varchar[], uuid[], bigint, uuid[], bigint[], uuid[], varchar[])`,
    );
    await q.query(`ALTER TABLE doc_heads DROP COLUMN last_batch`);
    // The packed version's up() drops the version before it, which is gone already.
    await q.query(
      `CREATE FUNCTION collab_append(uuid[], bytea[], varchar[], uuid[]) RETURNS void LANGUAGE sql AS 'SELECT'`,
    );
    await new CollabAppendPacked1764660000000().up(q);
  }
}
