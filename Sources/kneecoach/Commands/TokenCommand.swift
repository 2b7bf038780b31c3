import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// `kneecoach token create|list|revoke`: API tokens of the local runner, for scripts against
/// a server on the same database.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make, list and revoke API tokens for scripts and phone apps.",
        discussion: """
            A token is sent as 'Authorization: Bearer TOKEN' to a 'kneecoach serve' on the same \
            database. It is shown once, stored only as its SHA-256, and does only what its scopes \
            allow: \(TokenScope.validList).
            """,
        subcommands: [Create.self, List.self, Revoke.self], defaultSubcommand: List.self)

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Make a token and show it once.")

        @Argument(help: "A name for the token: the script or app that uses it.") var name: String
        @Option(
            name: .customLong("scope"),
            help: ArgumentHelp("What the token may do (repeat or separate with commas): \(TokenScope.validList).", valueName: "scope"))
        var scopes: [String] = []
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let made = try await database.withJournal { try await $0.createToken(named: name, scopes: scopes) }
                if output.json { return try Console.json(TokenDocument(made.record, token: made.secret)) }
                Console.out(made.secret)
                Console.err("Token '\(made.record.name)' (\(made.record.scopes.joined(separator: ", "))): copy it now, it is not shown again.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens, revoked ones too.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingErrors {
                let tokens = try await database.withJournal { try await $0.tokens() }
                if output.json { return try Console.json(tokens.map { TokenDocument($0) }) }
                guard !tokens.isEmpty else { return Console.out("No tokens yet. Make one with 'kneecoach token create NAME --scope read'.") }
                Console.out(
                    TextLayout.columns(
                        ["id", "name", "scopes", "created", "last used", "state"],
                        tokens.map { token in
                            [String(token.id), token.name, token.scopes.joined(separator: ","),
                             token.createdAt.formatted(.iso8601.year().month().day()),
                             token.lastUsedAt?.formatted(.iso8601.year().month().day()) ?? "never",
                             token.isRevoked ? "revoked" : "live"]
                        },
                        maxWidths: [6, 30, 40, 10, 10, 7]))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id or name.")

        @Argument(help: "The token's id or name, as 'token list' shows it.") var token: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let revoked = try await database.withJournal { try await $0.revokeToken(token) }
                Console.out("Revoked token '\(revoked.name)': requests with it now get 401.")
            }
        }
    }
}
