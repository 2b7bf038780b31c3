import ArgumentParser
import KneeCoachCore

/// The `kneecoach` command: a knee-care coach for runners.
@main
struct KneeCoach: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kneecoach",
        abstract: "A knee-care coach for runners: exercises, evidence, plans and watch files.",
        discussion: """
            KneeCoach is not a medical device and gives no diagnosis. See a clinician for \
            pain at rest or at night, swelling, locking, giving way or limping.
            """,
        version: KneeCoachVersion.current,
        subcommands: [
            Exercises.self,
            EvidenceCommand.self,
            Inspect.self,
            Import.self,
            PlanCommand.self,
            Today.self,
            Session.self,
            Status.self,
            Report.self,
            ProfileCommand.self,
            Assess.self,
            Log.self,
            JournalCommand.self,
            AdjustmentsCommand.self,
            Shoes.self,
            Export.self,
            Restore.self,
            TokenCommand.self,
            ServeCommand.self,
            MigrateCommand.self,
        ]
    )
}
