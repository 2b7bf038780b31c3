import Foundation
import KneeCoachCore
import KneeCoachStore

/// Coaches and runners linked by consent: a coach invites (a one-time link, or a list of
/// email-free codes for a club), the runner accepts signed in and chooses what the coach may
/// see, changes it or revokes it at any time, and the coach may leave. Every check reads the
/// link afresh, so a change holds from the next request, on any server instance.
///
/// ```swift
/// let coaching = Coaching(store: store)
/// let invitation = try await coaching.invite(coach: sam, coachName: "Sam")
/// let link = try await coaching.accept(invitation.secrets[0], runner: ana, runnerName: "Ana", scopes: [.plan, .status])
/// let seen = try await coaching.link(coach: sam, runner: ana, needing: .status)   // or CoachingError.notFound
/// ```
public struct Coaching: Sendable {
    public let store: JournalStore

    /// Names as each side sees them, and club names.
    public static let nameLength = 1...80
    /// How many codes one request may make (a club's list).
    public static let codeCount = 1...200
    /// How many days an invitation is valid for.
    public static let validDays = 1...90
    /// Accepting: attempts per account in a window, and the window.
    public static let acceptAttempts = 10
    public static let acceptWindowSeconds = 900

    public init(store: JournalStore) {
        self.store = store
    }

    // MARK: Invitations

    /// A new invitation: its stored rows and the secrets to hand out, shown only now.
    public struct NewInvitations: Sendable {
        public let invitations: [CoachInvitationRecord]
        /// The link tokens or codes, in the order of ``invitations``.
        public let secrets: [String]
    }

    /// Makes one link (`codes == nil`) or `codes` email-free codes, each for one runner,
    /// valid for `days` days.
    /// - Parameters:
    ///   - labels: What to write beside each code (the club list's names), if anything.
    ///   - clubID: One of the coach's clubs that accepting runners join.
    /// - Throws: ``CoachingError`` for a bad name, count, validity or club.
    public func invite(
        coach: UserID, coachName: String, codes: Int? = nil, labels: [String] = [], clubID: Int64? = nil, days: Int = 14,
        now: Date = Date()
    ) async throws -> NewInvitations {
        let name = try Self.checkedName(coachName)
        guard Self.validDays.contains(days) else { throw CoachingError.outOfRange(field: "days", range: Self.validDays) }
        if let codes, !Self.codeCount.contains(codes) {
            throw CoachingError.outOfRange(field: "codes", range: Self.codeCount)
        }
        if let clubID, try await store.clubs(coachID: coach).contains(where: { $0.id == clubID }) == false {
            throw CoachingError.notFound("club")
        }
        let secrets = codes.map { count in (0..<count).map { _ in InvitationCode.make() } } ?? [SecretToken.make(prefix: "kcl_")]
        let labelled = try secrets.enumerated().map { index, secret in
            (hash: Self.hash(secret), label: try labels.indices.contains(index) ? Self.checkedName(labels[index]) : nil)
        }
        let rows = try await store.insertCoachInvitations(
            coachID: coach, coachName: name, form: codes == nil ? "link" : "code", clubID: clubID, tokens: labelled,
            expires: now.addingTimeInterval(Double(days) * 86_400), now: now)
        return NewInvitations(invitations: rows, secrets: secrets)
    }

    /// The coach's invitations, used and expired ones too, newest first.
    public func invitations(coach: UserID) async throws -> [CoachInvitationRecord] {
        try await store.coachInvitations(coachID: coach)
    }

    /// Withdraws one of the coach's unused invitations.
    /// - Throws: ``CoachingError/notFound(_:)`` when the coach has no such unused one.
    public func withdraw(invitation id: Int64, coach: UserID) async throws {
        guard try await store.withdrawCoachInvitation(id: id, coachID: coach) else { throw CoachingError.notFound("invitation") }
    }

    /// The coach's name on a live invitation, for the page that asks the runner to accept it.
    /// Counts as an attempt, like accepting.
    public func peek(_ secret: String, runner: UserID, now: Date = Date()) async throws -> CoachInvitationRecord {
        try await countAttempt(runner: runner, now: now)
        guard let invitation = try await store.liveCoachInvitation(tokenHash: Self.hash(secret), now: now) else {
            throw CoachingError.invitationNotValid
        }
        guard invitation.coachID != runner else { throw CoachingError.ownInvitation }
        return invitation
    }

    /// Accepts an invitation: the runner is linked to its coach with `scopes` (a runner
    /// already linked to that coach gets these scopes instead), and the invitation is used up.
    /// - Throws: ``CoachingError`` for an invalid invitation (unknown, used, expired), the
    ///   coach's own, too many attempts, a bad name or no scope.
    public func accept(
        _ secret: String, runner: UserID, runnerName: String, scopes: [CoachScope], now: Date = Date()
    ) async throws -> CoachLinkRecord {
        try await countAttempt(runner: runner, now: now)
        let name = try Self.checkedName(runnerName)
        guard !scopes.isEmpty else { throw CoachingError.unknownScope("") }
        let hash = Self.hash(secret)
        if let invitation = try await store.liveCoachInvitation(tokenHash: hash, now: now), invitation.coachID == runner {
            throw CoachingError.ownInvitation
        }
        guard let link = try await store.acceptCoachInvitation(
            tokenHash: hash, runnerID: runner, runnerName: name, scopes: scopes.sorted().map(\.rawValue), now: now)
        else { throw CoachingError.invitationNotValid }
        return link
    }

    private func countAttempt(runner: UserID, now: Date) async throws {
        let seconds = Int64(now.timeIntervalSince1970), window = Int64(Self.acceptWindowSeconds)
        let start = seconds - seconds % window
        let hits = try await store.countAttempt(bucket: "invite-accept:user:\(runner.rawValue)", windowStart: start)
        if hits > Self.acceptAttempts { throw CoachingError.tooManyAttempts(seconds: Int(start + window - seconds)) }
    }

    // MARK: Links

    /// The runner's coaches and what each may see.
    public func coaches(of runner: UserID) async throws -> [CoachLinkRecord] {
        try await store.coachLinks(runnerID: runner)
    }

    /// The coach's runners.
    public func runners(of coach: UserID) async throws -> [CoachLinkRecord] {
        try await store.coachLinks(coachID: coach)
    }

    /// The live link between coach and runner when it grants `scope`; else ``CoachingError/notFound(_:)``,
    /// so a coach cannot tell a runner who is hidden from one who does not exist.
    public func link(coach: UserID, runner: UserID, needing scope: CoachScope? = nil) async throws -> CoachLinkRecord {
        guard let link = try await store.liveCoachLink(coachID: coach, runnerID: runner),
            scope?.isGranted(by: link) ?? true
        else { throw CoachingError.notFound("runner") }
        return link
    }

    /// Changes what one of the runner's coaches may see, and whether the runner shows their
    /// adherence on that coach's club board.
    public func update(link id: Int64, runner: UserID, scopes: [CoachScope]?, sharesBoard: Bool?, now: Date = Date()) async throws
        -> CoachLinkRecord
    {
        if let scopes, scopes.isEmpty { throw CoachingError.unknownScope("") }
        guard let link = try await store.updateCoachLink(
            id: id, runnerID: runner, scopes: scopes?.sorted().map(\.rawValue), sharesBoard: sharesBoard, now: now)
        else { throw CoachingError.notFound("coach") }
        return link
    }

    /// Ends a link: the runner revoking it, or the coach leaving. Nothing is visible to the
    /// coach from the next request.
    public func end(link id: Int64, by user: UserID, now: Date = Date()) async throws -> CoachLinkRecord {
        guard let link = try await store.endCoachLink(id: id, by: user, now: now) else { throw CoachingError.notFound("link") }
        return link
    }

    /// Records that the coach read `what` of these runners (the runner's access log).
    public func logRead(_ what: String, by coach: UserID, of links: [CoachLinkRecord], now: Date = Date()) async throws {
        try await store.logAccess(
            coachID: coach, coachNames: Dictionary(links.map { ($0.runnerID, $0.coachName) }, uniquingKeysWith: { a, _ in a }),
            runnerIDs: links.map(\.runnerID), what: what, now: now)
    }

    // MARK: Checks

    static func hash(_ secret: String) -> String {
        SecretToken.hash(InvitationCode.normalized(secret) ?? secret.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A name as stored: trimmed, within ``nameLength``, without control characters.
    public static func checkedName(_ name: String) throws(CoachingError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        // Counted as the API document counts (code points), before trimming and after.
        guard name.unicodeScalars.count <= nameLength.upperBound, nameLength.contains(trimmed.unicodeScalars.count),
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .badName(maximum: nameLength.upperBound) }
        return trimmed
    }
}
