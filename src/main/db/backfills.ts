import type Database from 'better-sqlite3-multiple-ciphers'
import { searchTextOf, sortNameOf } from '../features/clients/search-text'
import { foldedWordsOf } from '../features/notes/search-query'

/**
 * Data a migration needs that SQL cannot compute, keyed by the migration's tag. SQLite has no
 * NFKD and no table of letters like ł or ø, so the fold (src/shared/domain/search.ts) is JS;
 * computing it here, once, right after its migration's SQL and inside the same transaction,
 * stores exactly what the services would write, and a failure rolls the migration back with it.
 * Later migrations never re-run one (the bookkeeping table records it as applied).
 */
export const BACKFILLS: Readonly<Record<string, (sqlite: Database.Database) => void>> = {
  '0010_names_fold': (sqlite) => {
    refoldClients(sqlite)
    foldNoteSearch(sqlite)
  }
}

interface ClientNames {
  id: string
  legalFirstName: string
  legalMiddleName: string | null
  legalLastName: string
  preferredName: string | null
  email: string | null
  phone: string | null
  dateOfBirth: string
}

/** Every client's sort_name and search_text as the clients service now writes them. */
function refoldClients(sqlite: Database.Database): void {
  const rows = sqlite
    .prepare(
      `SELECT id, legal_first_name AS legalFirstName, legal_middle_name AS legalMiddleName, legal_last_name AS legalLastName,
        preferred_name AS preferredName, email, phone, date_of_birth AS dateOfBirth FROM clients`
    )
    .all() as ClientNames[]
  const update = sqlite.prepare('UPDATE clients SET sort_name = ?, search_text = ? WHERE id = ?')
  for (const c of rows) update.run(sortNameOf(c), searchTextOf(c), c.id)
}

/** note_search.folded for every note (the FTS triggers index it), and its words for prefix expansion. */
function foldNoteSearch(sqlite: Database.Database): void {
  const rows = sqlite.prepare('SELECT id, content FROM note_search').all() as { id: number; content: string }[]
  const update = sqlite.prepare('UPDATE note_search SET folded = ? WHERE id = ?')
  for (const r of rows) {
    const folded = foldedWordsOf(r.content)
    if (folded) update.run(folded, r.id)
  }
  sqlite.exec("CREATE VIRTUAL TABLE temp.names_fold_vocab USING fts5vocab('main', 'note_fts', 'col')")
  sqlite.exec("INSERT OR IGNORE INTO note_terms (term) SELECT term FROM temp.names_fold_vocab WHERE col = 'folded'")
  sqlite.exec('DROP TABLE temp.names_fold_vocab')
}
