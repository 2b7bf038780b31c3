import Foundation

/// A warning sign: what it is, what to do, why, and which entry (or the profile) raised it.
public struct MonitorFlag: Sendable, Equatable, Encodable {
    /// A short name of the sign, e.g. `locking`, `persistent-pain`.
    public let sign: String
    public let action: RedFlagAction
    /// The plain reason, naming the entry.
    public let reason: String
    /// The day of the entry that raised it (for persisting pain, the day the window was reached).
    public let raisedOn: LocalDate
    /// The entry, e.g. `pain entry of 2026-11-20`, `note of 2026-11-20 ("gave way")` or
    /// `profile's pain block (saved 2026-11-20)`.
    public let source: String
    public let evidence: EvidenceKey
    /// When the entry was logged, if known (not part of the JSON): orders it against a clearance.
    public let recordedAt: Date?

    public init(
        sign: String, action: RedFlagAction, reason: String, raisedOn: LocalDate, source: String,
        evidence: EvidenceKey, recordedAt: Date? = nil
    ) {
        self.sign = sign
        self.action = action
        self.reason = reason
        self.raisedOn = raisedOn
        self.source = source
        self.evidence = evidence
        self.recordedAt = recordedAt
    }

    private enum CodingKeys: String, CodingKey { case sign, action, reason, raisedOn, source, evidence }

    /// The flag as the plan shows a red flag.
    public var notice: RedFlagNotice {
        RedFlagNotice(sign: sign, action: action, text: reason, evidence: evidence)
    }
}

/// Red-flag triage over the journal: pain entries, notes, and pain that persists.
///
/// - Each pain entry is read by ``RedFlagTriage`` like the profile's pain block. Pain logged
///   "at rest" counts as rest pain only above the runner's usual level (the green zone,
///   `pain.safeMax`, or an arthritic knee's own level): a mild ache while sitting after a
///   run is usual; night pain counts at any level.
/// - Each note is scanned by ``NoteScanner`` and its signs read the same way.
/// - Settled pain above the runner's usual level for `flag.persistDays` without getting
///   better raises `persistent-pain` (or `worsening-pain`), under ``PainPersistence``'s
///   rule; it lifts by itself once the pain is back within the rule.
/// - Every other flag stays active until a clearance lifts it (``WarningSigns``: an earlier
///   day, or recorded before the clearance on its day); a clearance also starts any
///   persisting-pain count afresh. Active flags are listed once per sign, the earliest first raised since
///   the last clearance, most urgent first.
public enum JournalTriage {
    /// The active flags as of the index's day: the profile's (when given) and the journal's,
    /// persisting pain included.
    /// - Parameter usual: How the runner's usual pain is read (default: from the profile).
    static func activeFlags(_ index: HistoryIndex, profile: Profile? = nil, usual: UsualPain? = nil) -> [MonitorFlag] {
        let usual = usual ?? UsualPain(profile: profile)
        let signs = WarningSigns(profile: profile, index: index, usual: usual)
        let persisting = persistence(index, usual: usual)
        return signs.active(on: index.through, persisting: persisting)
    }

    /// The flags one pain entry raises.
    /// - Parameters:
    ///   - age: The runner's age (the profile's), for the Ottawa knee rules after an injury.
    ///   - usual: The runner's usual pain: pain at rest counts as a sign only above where it
    ///     starts (the green zone, or an arthritic knee's own level, ``UsualPain``).
    public static func flags(in entry: TrainingHistory.Pain, age: Int? = nil, usual: UsualPain = UsualPain(profile: nil))
        -> [MonitorFlag]
    {
        let restPain = entry.timing == .rest && entry.level > usual.start
        guard restPain || entry.atNight || entry.swelling || entry.locking || entry.givingWay || entry.limping
            || entry.redOrHot || entry.afterTrauma || entry.calfPain || entry.breathless || entry.numbness
            || entry.numbnessSpreading || entry.coldFoot || entry.cannotBearWeight || entry.cannotBend
            || entry.bonyTenderness
        else { return [] }
        let report = PainReport(
            level: entry.level, atRest: restPain, atNight: entry.atNight,
            swelling: entry.swelling, locking: entry.locking, givingWay: entry.givingWay, limping: entry.limping,
            redOrHot: entry.redOrHot, afterTrauma: entry.afterTrauma, calfPain: entry.calfPain,
            breathless: entry.breathless, numbness: entry.numbness, numbnessSpreading: entry.numbnessSpreading,
            coldFoot: entry.coldFoot, cannotBearWeight: entry.cannotBearWeight, cannotBend: entry.cannotBend,
            bonyTenderness: entry.bonyTenderness)
        let source = "pain entry of \(entry.date)"
        return RedFlagTriage.flags(in: report, age: age).map { notice in
            MonitorFlag(
                sign: notice.sign, action: notice.action,
                reason: notice.text + " Raised by your \(source) (\(entry.level)/10, \(entry.timing.rawValue)).",
                raisedOn: entry.date, source: source, evidence: notice.evidence, recordedAt: entry.recordedAt)
        }
    }

    /// The flags the warning phrases of one note raise.
    /// - Parameter age: The runner's age (the profile's), for the Ottawa knee rules after an injury.
    public static func flags(in note: TrainingHistory.Note, age: Int? = nil) -> [MonitorFlag] {
        let signs = NoteScanner.scan(note.text)
        guard signs.hasSign else { return [] }
        let quoted = signs.phrases.map { "\"\($0)\"" }.joined(separator: ", ")
        let source = "note of \(note.date) (\(quoted))"
        return RedFlagTriage.flags(in: signs.painReport, age: age).map { notice in
            MonitorFlag(
                sign: notice.sign, action: notice.action, reason: notice.text + " Raised by your \(source).",
                raisedOn: note.date, source: source, evidence: notice.evidence, recordedAt: note.recordedAt)
        }
    }

    /// Pain that persists (``PainPersistence``), active on the index's last day.
    static func persistence(_ index: HistoryIndex, usual: UsualPain = UsualPain(profile: nil)) -> [MonitorFlag] {
        PainPersistence.active(index, usual: usual)
    }
}
