public import Foundation
import NazorgMessages
import NazorgModel
public import NazorgSync

/// The NEN 7513 views of a verified share-log copy: filters, orderings, the override review queue, and the
/// GDPR art. 15 answer for one family.
public enum AuditViews {
    /// How a report is ordered.
    public enum Ordering: String, CaseIterable, Sendable {
        /// Per family, chronologically.
        case family = "gezin"
        /// Per worker.
        case worker = "medewerker"
        /// Chronologically over a period.
        case period = "periode"
        /// Per consent or override.
        case basis = "grondslag"
    }

    /// Filters on a report; nil matches all.
    public struct Filter: Sendable {
        public var family: String?
        public var worker: String?
        public var from: Date?
        public var until: Date?
        public var basis: String?

        public init(family: String? = nil, worker: String? = nil, from: Date? = nil, until: Date? = nil, basis: String? = nil) {
            self.family = family
            self.worker = worker
            self.from = from
            self.until = until
            self.basis = basis
        }

        func matches(_ r: AuditRecord) -> Bool {
            let time = Date(timeIntervalSince1970: TimeInterval(r.time) / 1000)
            return (family.map { (r.family ?? "").hasPrefix($0.lowercased()) } ?? true)
                && (worker.map { r.worker.localizedCaseInsensitiveContains($0) } ?? true)
                && (from.map { time >= $0 } ?? true) && (until.map { time < $0 } ?? true)
                && (basis.map { b in (r.basis ?? "").split(separator: ":").last.map { $0.hasPrefix(b.lowercased()) } ?? false } ?? true)
        }
    }

    /// The records that match, in the chosen order (time breaks ties).
    public static func report(_ records: [AuditRecord], filter: Filter, by ordering: Ordering) -> [AuditRecord] {
        records.filter(filter.matches).sorted { a, b in
            let (ka, kb): (String, String) =
                switch ordering {
                case .family: (a.family ?? "", b.family ?? "")
                case .worker: (a.worker, b.worker)
                case .period: ("", "")
                case .basis: (a.basis ?? "", b.basis ?? "")
                }
            return (ka, a.time, a.id) < (kb, b.time, b.id)
        }
    }

    /// Overrides (and shares on an override) not yet reviewed by a privacy officer.
    public static func overrideQueue(_ records: [AuditRecord]) -> [AuditRecord] {
        let reviewed = Set(records.filter { $0.event == .review }.compactMap(\.record))
        return records.filter { r in
            (r.event == .override || (r.event == .share && (r.basis ?? "").hasPrefix("safety-override:")) || r.outcome == "flagged")
                && r.event != .review && !reviewed.contains(r.id)
        }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
    }

    /// GDPR art. 15: which organisations received which sections of a family, when, and on what basis.
    public static func clientAnswer(_ records: [AuditRecord], family: String) -> [AuditRecord] {
        records.filter { $0.event == .share && ($0.family ?? "").hasPrefix(family.lowercased()) }.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
    }

    /// The columns of a table or CSV row.
    public static let columns = [
        "tijd", "gebeurtenis", "actie", "uitkomst", "medewerker", "rol", "doel", "organisatie", "apparaat", "gezin", "leden",
        "delen", "grondslag", "ontvanger", "registratie", "toelichting", "id",
    ]

    /// One row of text cells, in `columns` order. Ids are shortened to 8 digits, as workers see them.
    public static func cells(_ r: AuditRecord) -> [String] {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        let basis = r.basis.map { b -> String in
            let parts = b.split(separator: ":")
            return parts.count == 2 ? "\(parts[0] == "consent" ? "toestemming" : "doorbreking") \(parts[1].prefix(8))" : b
        } ?? ""
        return [
            formatter.string(from: Date(timeIntervalSince1970: TimeInterval(r.time) / 1000)), r.event.rawValue, r.action.rawValue, r.outcome,
            r.worker, r.role, r.purpose, r.organisationName, String(r.device.prefix(8)), String((r.family ?? "").prefix(8)),
            r.members.map { String($0.prefix(8)) }.joined(separator: " "), r.sections.map { $0.hasPrefix("child:") ? String($0.prefix(14)) : $0.hasPrefix("member:") ? String($0.prefix(15)) : $0 }.joined(separator: " "),
            basis, r.recipientName ?? "", String((r.record ?? "").prefix(8)), r.detail ?? "", String(r.id.prefix(8)),
        ]
    }

    /// `cells` as the privacy officer reads them in a table: the time as a person writes it, and events,
    /// actions, outcomes and roles in words instead of their codes.
    public static func readableCells(_ r: AuditRecord) -> [String] {
        var cells = cells(r)
        let time = Date(timeIntervalSince1970: TimeInterval(r.time) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time)
        cells[0] = Dutch.date(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
        cells[1] = Messages.Audit.event(r.event.rawValue)
        cells[2] = Messages.Audit.action(r.action.rawValue)
        cells[3] = Messages.Audit.outcome(r.outcome)
        cells[5] = DeviceRole(rawValue: r.role)?.label ?? r.role
        cells[11] = r.sections.map { name in
            switch Section(name: name) {
            case .child(let id): Messages.Audit.childSection(String(id.prefix(8)))
            case .member(let id): Messages.Audit.memberSection(String(id.prefix(8)))
            case let section?: section.label
            case nil: name
            }
        }.joined(separator: ", ")
        if r.basis == AuditRecord.ownOrganisationBasis { cells[12] = Messages.Audit.ownOrganisation }
        return cells
    }
}
