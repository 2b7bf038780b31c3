import ArgumentParser
import Foundation
import KneeCoachApp
import KneeCoachCore

/// `kneecoach report FILE.html`: the status as one self-contained page of charts.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page of charts: weekly distance, pain against load, shoes, cadence.",
        discussion: """
            The page needs no network: styles and SVG charts are inside it, with a table of the \
            numbers behind each chart. Open it in any browser, or send it to your physiotherapist.
            """)

    @Argument(help: ArgumentHelp("The HTML file to write (replaced if it exists).", valueName: "file"))
    var file: String

    @OptionGroup var options: StatusOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let page = try await options.withStatusInputs(database) { journal, profile, day, library in
                try await journal.reportPage(on: day, weeks: options.weeks, profile: profile, library: try library())
            }
            let url = URL(fileURLWithPath: file)
            try ReportHTML.write(page, to: url)
            Console.out("Wrote the report of \(page.from) to \(page.to) to \(url.path).")
        }
    }
}
