/// Short, sourced notes attached where they matter: footwear, surfaces, cadence, load,
/// nutrition, breathing and mindset. Never medical advice; each names its evidence row.
enum PlanNotes {
    static func notes(for needs: Needs, profile: Profile) -> [PlanNote] {
        var notes: [PlanNote] = []
        func add(_ topic: NoteTopic, _ text: String, _ row: EvidenceEntry) {
            notes.append(PlanNote(topic: topic, text: text, source: row.key))
        }
        if needs.isHeldByRedFlag {
            // One rule lifts the profile's signs and the journal's alike (WarningSigns).
            add(
                .pain,
                "Once a clinician has seen the knee and cleared you, log the clearance ('kneecoach log cleared'); the hold lifts for the signs recorded before it, your profile's included.",
                Evidence.flagPersistDays)
            return notes
        }
        if needs.runsPerWeek == 0 { add(.load, RunningWeek.noRunDays, Evidence.rtrWalkRun) }
        let km = Evidence.shoeReviewKm.quantity("kilometres")
        add(
            .footwear,
            "Choose shoes by comfort. Check how a pair feels after about \(km.map(\.text) ?? "500–800 km"); the mileage figure is tradition, so go by feel.",
            Evidence.shoeChoice)
        add(
            .footwear, "If you can, rotate two pairs of running shoes; runners who did had fewer injuries.",
            Evidence.shoeRotationHR)
        if needs.findings.overpronation {
            add(
                .footwear,
                "Overpronation on its own is not a reason to change shoes; if the front of the knee hurts, off-the-shelf insoles are a short-term option to try.",
                Evidence.orthosesPfp)
        }
        add(
            .surface,
            "No surface is proven safer. Mix roads, paths and tracks for variety, and choose smooth ground when the knee is sore.",
            Evidence.surfaceSaferSurface)
        if needs.terrain.contains(.downhill) {
            add(
                .terrain,
                "Descents load the front of the knee most; while it is sore, shorten or walk the steep downhills.",
                Evidence.terrainDownhill)
        }
        if needs.hasKneePain {
            let raise = Evidence.cadenceRaisePercent.quantity("percent").map(\.text) ?? "5–10 %"
            add(
                .cadence,
                "With knee pain, a slightly quicker step helps: raise your usual steps per minute by \(raise), a little at a time, with a metronome if it helps.",
                Evidence.cadenceRaisePercent)
        }
        let spike = Evidence.loadSingleRunSpikePercent
        let spikePercent = spike.quantity("percent")?.upper.plainText ?? ""
        let spikeDays = spike.quantity("days")?.lower.plainText ?? ""
        add(
            .load,
            "The single run matters more than the weekly total: keep each run within \(spikePercent) % of your longest run of the last \(spikeDays) days. A fixed weekly percentage rule did not protect runners in a trial.",
            spike)
        let safe = Evidence.painSafeMax.quantity("painScore")?.upper.plainText ?? "2"
        let during = Evidence.painDuringMax.quantity("painScore")?.upper.plainText ?? "5"
        add(
            .pain,
            "Pain rule: up to \(safe)/10 during a run or exercise is fine, up to \(during)/10 is acceptable if it has settled by the next morning and is not rising week on week; beyond that, cut back.",
            Evidence.painSafeMax)
        if needs.hasKneePain {
            add(
                .pain,
                "If the pain is no better after \(Evidence.flagPersistDays.quantity("days")?.text ?? "") of lighter load, see a physiotherapist or doctor.",
                Evidence.flagPersistDays)
        }
        if needs.hasOsteoarthritis {
            add(
                .load,
                "Recreational running is not linked to more knee osteoarthritis; exercise on land or in a pool helps pain and function alike.",
                Evidence.oaPrevalence)
        }
        let protein = Evidence.nutrProteinGPerKg.quantity("gramsPerKilogram").map(\.text) ?? "1.2–2.0 g/kg/day"
        add(
            .nutrition,
            "Eat enough protein for training (about \(protein)). A small study found vitamin-C-enriched gelatin before loading raised a collagen marker; evidence is thin, and omega-3 or curcumin have no established dose.",
            Evidence.nutrProteinGPerKg)
        add(
            .breathing,
            "Slow breathing at about \(Evidence.breathPerMinute.quantity("breathsPerMinute")?.lower.plainText ?? "") breaths a minute helps you relax after sessions and may make pain feel less intense.",
            Evidence.breathPerMinute)
        add(
            .mindset,
            "Keep a short pain-and-mood journal: it shows patterns and stressors, and most setbacks are temporary.",
            Evidence.mentalMinutes)
        return notes
    }
}
