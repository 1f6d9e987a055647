// Opening a worker's store: a 50-family caseload with 1,000,000 ops of history, then the first query.
// Prints JSON lines (median of the runs): the profile open (SQLite, migrations check, keystore unlock with the
// Argon2id passphrase key), the store alone, the family list, one family's plan, and the caseload overview
// (`nazorg overzicht`: every plan decrypted, every rule evaluated, the open items rendered).
// Run: swift build -c release --product nazorg-open-bench && .build/release/nazorg-open-bench [--ops 1000000]
//      [--families 50] [--runs 5]
// The page cache is warm (the store was just written): a laptop reopening its store after a reboot reads more
// from disk.
import Foundation
import NazorgBenchSupport
import NazorgClient
import NazorgCrypto
import NazorgModel
import NazorgStore
import NazorgSync

var options: [String: Int] = ["--ops": 1_000_000, "--families": 50, "--runs": 5]
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let name = arguments.next() {
    guard options[name] != nil, let value = arguments.next().flatMap(Int.init), value > 0 else {
        FileHandle.standardError.write(Data("usage: nazorg-open-bench [--ops N] [--families N] [--runs N]\n".utf8))
        exit(64)
    }
    options[name] = value
}
let totalOps = options["--ops"]!, familyCount = options["--families"]!, runs = options["--runs"]!

let root = FileManager.default.temporaryDirectory.appendingPathComponent("nazorg-open-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }
let passphrase = Data("benchmark only".utf8)
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

// The caseload: the Zonnebloem fixture imported `familyCount` times, then edit history on its text fields until
// the store holds `totalOps` ops, committed 1,000 ops per change the way a long-running caseload accumulates them.
let orgInfo = try Organisation.create(name: "Bench", directory: root.appendingPathComponent("org"), passphrase: passphrase)
let profileDirectory = root.appendingPathComponent("laptop")
do {
    let request = try Profile.create(directory: profileDirectory, worker: "bench", role: .worker, organisation: orgInfo, passphrase: passphrase)
    let organisation = try Organisation.open(keyFile: root.appendingPathComponent("org/organisation.key"), passphrase: passphrase)
    try Profile.open(directory: profileDirectory, passphrase: passphrase).install(certificate: try organisation.certify(request, from: Date(), days: 2))
}
let building = Date()
var written = 0
do {
    let profile = try Profile.open(directory: profileDirectory, passphrase: passphrase)
    let workspace = try Workspace(profile: profile)
    let fixture = try FamilyFixture.read(repository.appendingPathComponent("Fixtures/families/zonnebloem.json"))
    let families = try (0..<familyCount).map { _ in try workspace.importFamily(fixture) }
    written = try profile.store.changes().reduce(0) { $0 + Int($1.header.opCount) }
    let editable: Set<String> = ["naam", "omschrijving", "escalatie", "frequentie", "eigenStem", "omgang", "relatie", "contactpersoon", "actie"]
    var rng = SplitMix64(seed: 7)
    let perFamily = (totalOps - written) / familyCount
    for family in families {
        // Every text register of the family, with its current heads.
        var registers: [(section: SectionKeyRecord, entity: EntityID, field: String)] = []
        var heads: [String: [OpID]] = [:]
        for section in try profile.store.sectionKeys(family) {
            for (entity, state) in try profile.store.entities(family: family, tag: section.tag) {
                for (field, register) in state.registers where editable.contains(field) && register.value?.string != nil {
                    registers.append((section, entity, field))
                    heads["\(entity.hex)/\(field)"] = register.heads
                }
            }
        }
        registers.sort { ($0.entity.hex, $0.field) < ($1.entity.hex, $1.field) }
        var left = perFamily
        while left > 0 {
            // Up to 1,000 edits of distinct registers, each replacing that register's current write, as the
            // client does (two writes of one register in one change would both replace the same head and leave
            // a conflict behind).
            var picked = Set<Int>()
            for _ in 0..<min(1_000, left) { picked.insert(Int(rng.next() % UInt64(registers.count))) }
            let count = picked.count
            let bySection = Dictionary(grouping: picked.sorted().map { registers[$0] }) { $0.section.tag }
            let edits = bySection.values.map { picks in
                LocalEdit(family: family, section: picks[0].section, ops: picks.map { pick in
                    PendingOp.write(pick.entity, pick.field, .string("bewerking \(rng.value20())"), replacing: heads["\(pick.entity.hex)/\(pick.field)"] ?? [])
                })
            }
            let changes = try profile.store.commit(edits, author: profile.author, schemaVersion: 1, wallMillis: UInt64(Date().timeIntervalSince1970 * 1000))
            for (edit, change) in zip(edits, changes) {
                for (index, op) in edit.ops.enumerated() {
                    if case .write(let field, _, _) = op.payload {
                        heads["\(op.entity.hex)/\(field)"] = [OpID(timestamp: change.header.first.advanced(by: UInt64(index)), device: profile.device)]
                    }
                }
            }
            left -= count
            written += count
        }
    }
}
let buildSeconds = Date().timeIntervalSince(building)
let storeBytes = (try? FileManager.default.attributesOfItem(atPath: profileDirectory.appendingPathComponent("store.sqlite").path)[.size] as? Int) ?? 0

var profileOpen: [Double] = [], storeOpen: [Double] = [], list: [Double] = [], plan: [Double] = [], overview: [Double] = []
var overviewItems = 0
var plansOnly: [Double] = [], rulesOnly: [Double] = []
var entitiesShown = 0, conflicted = -1
for _ in 0..<runs {
    storeOpen.append(try timed {
        let store = try LocalStore.open(directory: profileDirectory)
        _ = try store.keystore()
    }.1)
    var profile: Profile?
    profileOpen.append(try timed { profile = try Profile.open(directory: profileDirectory, passphrase: passphrase) }.1)
    let workspace = try Workspace(profile: profile!)
    var summaries: [FamilySummary] = []
    list.append(try timed { summaries = try workspace.families() }.1)
    plan.append(try timed { entitiesShown = try workspace.plan(summaries[0].id).entities.count }.1)
    // `nazorg overzicht`: every family's plan decrypted, every rule evaluated, the open items rendered.
    overview.append(try timed {
        let caseload = try workspace.caseload()
        let items = caseload.open(horizonDays: 30)
        overviewItems = items.count
        _ = CaseloadViews.overviewText(items, caseload: caseload, horizonDays: 30)
    }.1)
    // The two halves: decrypting every plan, and the rules over plans already in memory.
    var plans: [FamilyPlan] = []
    plansOnly.append(try timed { plans = try summaries.map { try workspace.plan($0.id) } }.1)
    rulesOnly.append(timed { for plan in plans { _ = RuleEngine.evaluate(plan, today: workspace.today) } }.1)
    conflicted = try profile!.store.conflictedEntityCount()
    precondition(summaries.count == familyCount, "expected \(familyCount) families, found \(summaries.count)")
}
emitLine([
    ("bench", .string("store_open_caseload")), ("engine", .string("nazorg+sqlite+crypto")),
    ("families", .int(familyCount)), ("ops", .int(written)), ("store_bytes", .int(storeBytes)),
    ("build_s", .double(buildSeconds)), ("runs", .int(runs)),
    ("conflicted_entities", .int(conflicted)),
    ("store_open_ms", .double(median(storeOpen) * 1000)), ("profile_open_ms", .double(median(profileOpen) * 1000)),
    ("family_list_ms", .double(median(list) * 1000)), ("first_plan_ms", .double(median(plan) * 1000)),
    ("first_plan_entities", .int(entitiesShown)),
    ("open_and_first_query_ms", .double((median(profileOpen) + median(list) + median(plan)) * 1000)),
    ("overview_ms", .double(median(overview) * 1000)), ("overview_plans_ms", .double(median(plansOnly) * 1000)),
    ("overview_rules_ms", .double(median(rulesOnly) * 1000)), ("overview_items", .int(overviewItems)),
    ("open_and_overview_ms", .double((median(profileOpen) + median(overview)) * 1000)),
])
