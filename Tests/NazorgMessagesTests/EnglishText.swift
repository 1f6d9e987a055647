import Foundation

/// Finds English in text a person reads. Command and flag names may stay English, so what is quoted
/// (`'nazorg family show'`, `` `code` ``), flags (`--profile`), placeholders (`<family>`), variables
/// (`$NAZORG_PROFILE`) and file names or addresses are left out before the words are checked.
enum EnglishText {
    /// Common English words that are not also Dutch words (so not `is`, `in`, `of`, `was`, `door`, `kind`,
    /// `help`, `plan`, `over`).
    static let words: Set<String> = [
        "the", "and", "not", "with", "has", "have", "does", "must", "cannot", "this", "that", "from", "already", "only",
        "found", "invalid", "failed", "missing", "expected", "show", "information", "usage",
        "error", "device", "devices", "request", "requests", "share", "shared", "section", "sections", "signed",
        "withdrawn", "expired", "valid", "refused", "unknown", "key", "keys", "file", "should", "which", "there", "when",
        "your", "you", "please", "see", "run", "given", "value", "than", "been", "into", "for", "to", "are", "be", "or",
        "by", "on", "it", "its", "no", "yes", "new", "family", "member", "child", "children", "organisation",
        "consent", "overdue", "due", "options", "subcommand", "subcommands", "default", "overview", "provide",
        "unexpected", "option", "required", "detailed", "mean", "did", "specified", "take", "any",
        "without", "where", "while", "every", "each", "write", "read", "opened", "closed", "written",
        "answer", "answered", "received", "sent", "send", "after", "before", "until", "since", "first",
    ]

    /// The English words in `text`, after leaving out what may stay as it is.
    static func words(in text: String) -> [String] {
        var text = text
        // A quote opens after a space or bracket, so the apostrophe of "pagina's" does not pair with one.
        text = text.replacing(#/(^|[\s(])'[^']*'/#) { "\($0.output.1) " }
        for pattern in [#/`[^`]*`/#, #/"[^"]*"/#] as [Regex<Substring>] { text = text.replacing(pattern, with: " ") }
        return text.split(whereSeparator: \.isWhitespace).flatMap { token -> [String] in
            let token = String(token.drop { $0 == "(" })
            if token.hasPrefix("-") || token.hasPrefix("<") || token.hasPrefix("[") || token.hasPrefix("$") { return [] }
            // A code in parentheses after its Dutch label, as it is typed on the command line: `(consent)`.
            if token.wholeMatch(of: #/[a-z][a-z:-]*\)+[.,;:]?/#) != nil { return [] }
            // An id (`94be5f49`): letters and digits together are not a word.
            if token.contains(where: \.isNumber) && token.contains(where: \.isLetter) { return [] }
            if token.contains(where: { "._/=:@\\".contains($0) }) && token.contains(where: { $0.isLetter }) {
                // file names, addresses, identifiers — but keep a word that only ends a sentence
                let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: ".:;,!?)("))
                if trimmed.contains(where: { "._/=:@\\".contains($0) }) { return [] }
            }
            return token.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map { $0.lowercased() }
        }.filter { words.contains($0) }
    }
}
