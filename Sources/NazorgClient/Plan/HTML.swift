import Foundation

/// What the HTML pages (the norms report, the handover summary, the safety plan) share.
enum HTML {
    /// Text as HTML text or attribute value: `&`, `<`, `>` and `"` escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
