extension Migrations {
    /// An index of the pain entries that carry a warning sign (any sign column set, or pain at
    /// rest), by runner and day. Every reader of the journal looks for earlier warning signs,
    /// however old (a sign holds until a clearance): `status`, the coach's fold and the coaches'
    /// dashboard read them from years of entries, of which a handful carry one. Without it, each
    /// such read scans all of a runner's entries (about 2.4 ms per runner for ten years in
    /// SQLite) and the dashboard all of its runners' entries.
    ///
    /// The `WHERE` is the one the readers write (`JournalStore.painSignPredicate`, word for
    /// word), which is how SQLite and PostgreSQL know a query may use a partial index.
    static let v14 = Migration(
        version: 14, name: "index-pain-entries-with-signs",
        statements: [
            """
            CREATE INDEX pain_entries_with_signs ON pain_entries (user_id, local_date) WHERE swelling OR locking \
            OR giving_way OR limping OR red_or_hot OR at_night OR after_trauma OR calf_pain OR breathless \
            OR numbness OR numbness_spreading OR cold_foot OR cannot_bear_weight OR cannot_bend \
            OR bony_tenderness OR timing = 'rest'
            """
        ])
}
