/// A section of the family plan: the unit of encryption and of consent.
public enum Section: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Members, roles, parental authority, regisseur, involved organisations.
    case core
    /// Veiligheidsplan: risk assessments, measures, signals, emergency contacts.
    case safety
    /// Goals per life domain, actions, aftercare episode, stagnations, evaluations, ZRM.
    case plan
    /// One child's own part, keyed by the child's member id.
    case child(String)
    /// What concerns one adult member only, keyed by the member id: an organisation linked to that member (the
    /// father's forensic clinic, scenario 13), visible only to who receives this section.
    case member(String)
    /// Mental health, addiction, trauma (special category).
    case health
    /// Income, benefits, debts, bewindvoering.
    case finance
    /// The worker's contact log.
    case journal
    /// Consents, withdrawals, overrides, shares, receipts.
    case consent

    /// The stable name used in keys and tags: `core`, `child:<member id>`, …
    public var name: String {
        switch self {
        case .core: "core"
        case .safety: "safety"
        case .plan: "plan"
        case .child(let member): "child:\(member)"
        case .member(let member): "member:\(member)"
        case .health: "health"
        case .finance: "finance"
        case .journal: "journal"
        case .consent: "consent"
        }
    }

    /// What a person calls the section (`veiligheidsplan`, `het deel van kind 982ca8f2`).
    public var label: String {
        switch self {
        case .core: "gezinsgegevens"
        case .safety: "veiligheidsplan"
        case .plan: "plan van aanpak"
        case .child(let member): "het deel van kind \(member.prefix(8))"
        case .member(let member): "het deel van gezinslid \(member.prefix(8))"
        case .health: "gezondheid"
        case .finance: "financiën"
        case .journal: "contactjournaal"
        case .consent: "toestemmingen"
        }
    }

    /// How messages name the section: its label, and the name a worker types where that is short.
    public var reference: String {
        switch self {
        case .child, .member: label
        default: "\(label) (\(name))"
        }
    }

    /// Parses a section name.
    public init?(name: String) {
        switch name {
        case "core": self = .core
        case "safety": self = .safety
        case "plan": self = .plan
        case "health": self = .health
        case "finance": self = .finance
        case "journal": self = .journal
        case "consent": self = .consent
        default:
            if name.hasPrefix("member:"), name.count == 7 + 32 {
                self = .member(String(name.dropFirst(7)))
                return
            }
            guard name.hasPrefix("child:"), name.count == 6 + 32 else { return nil }
            self = .child(String(name.dropFirst(6)))
        }
    }

    public var description: String { name }

    public static func < (a: Section, b: Section) -> Bool { a.name < b.name }
}
