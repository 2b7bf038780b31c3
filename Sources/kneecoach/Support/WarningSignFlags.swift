import ArgumentParser
import KneeCoachApp
import KneeCoachStore

/// The warning-sign flags `log pain` and `profile init` share (the red-flag rows of the
/// evidence table): one list, one wording, the profile's field names.
struct WarningSignFlags: ParsableArguments {
    @Flag(help: ArgumentHelp(PainEntry.question("swelling"))) var swelling = false
    @Flag(help: ArgumentHelp(PainEntry.question("locking"))) var locking = false
    @Flag(help: ArgumentHelp(PainEntry.question("givingWay"))) var givingWay = false
    @Flag(help: ArgumentHelp(PainEntry.question("limping"))) var limping = false
    @Flag(help: ArgumentHelp(PainEntry.question("redOrHot"))) var redOrHot = false
    @Flag(help: ArgumentHelp(PainEntry.question("afterTrauma"))) var afterTrauma = false
    @Flag(help: ArgumentHelp(PainEntry.question("calfPain"))) var calfPain = false
    @Flag(help: ArgumentHelp(PainEntry.question("breathless"))) var breathless = false
    @Flag(help: ArgumentHelp(PainEntry.question("numbness"))) var numbness = false
    @Flag(help: ArgumentHelp(PainEntry.question("numbnessSpreading"))) var numbnessSpreading = false
    @Flag(help: ArgumentHelp(PainEntry.question("coldFoot"))) var coldFoot = false
    @Flag(help: ArgumentHelp(PainEntry.question("cannotBearWeight"))) var cannotBearWeight = false
    @Flag(help: ArgumentHelp(PainEntry.question("cannotBend"))) var cannotBend = false
    @Flag(help: ArgumentHelp(PainEntry.question("bonyTenderness"))) var bonyTenderness = false

    /// Each sign by its field name in the profile's `pain` block.
    var fields: [(String, Bool)] {
        [
            ("swelling", swelling), ("locking", locking), ("givingWay", givingWay), ("limping", limping),
            ("redOrHot", redOrHot), ("afterTrauma", afterTrauma), ("calfPain", calfPain), ("breathless", breathless),
            ("numbness", numbness), ("numbnessSpreading", numbnessSpreading), ("coldFoot", coldFoot),
            ("cannotBearWeight", cannotBearWeight), ("cannotBend", cannotBend), ("bonyTenderness", bonyTenderness),
        ]
    }
}
