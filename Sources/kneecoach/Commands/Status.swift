import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach status`: what the journal says about load, pain, shoes, cadence and warning signs.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show your load, pain trend, shoes, cadence, warning signs, progress and adherence.",
        discussion: """
            Everything comes from the journal up to --date (default: today). Warning signs come \
            first: they hold the plan until 'kneecoach log cleared' records a clinician's all-clear. \
            docs/status.md explains each number and where its threshold comes from.
            """)

    @OptionGroup var options: StatusOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingErrors {
            let report = try await options.withStatusInputs(database) { journal, profile, day, library in
                try await journal.status(on: day, weeks: options.weeks, profile: profile, libraryOnceRead: library)
            }
            if output.json { try Console.json(report) } else { Console.out(StatusView.render(report)) }
        }
    }
}
