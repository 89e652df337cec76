import Database from 'better-sqlite3';

/**
 * A connection to the read models in the embedded SQLite file (the events' file).
 * `checkpoints: false` for the main thread of a serving app: SQLite runs a WAL checkpoint
 * synchronously in whichever connection commits past the threshold (measured: 0.3–0.65 s,
 * with an fsync of the database file), and the main thread answers HTTP. There, checkpoints
 * are left to the writer thread's connections, which commit all the time.
 */
export const openReadModelConnection = (file: string, { checkpoints }: { checkpoints: boolean }): Database.Database => {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // Read models can be rebuilt from the events, so they need no fsync per commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (!checkpoints) db.pragma('wal_autocheckpoint = 0');
    // A deterrence query reads thousands of incident documents scattered over the file: with
    // SQLite's default 2 MB page cache it re-reads pages from the OS for every query (the
    // month query spent twice as long in SQL). 64 MB bounds what it may add to the RSS.
    db.pragma('cache_size = -65536');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};
