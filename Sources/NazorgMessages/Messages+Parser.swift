extension Messages {
    /// What swift-argument-parser writes itself — help headings, the help flag, defaults and its usage
    /// errors — in Dutch. Both executables pass the parser's full message through `translate` before
    /// printing it, so `--help` and a mistyped command read as Dutch as the rest.
    ///
    /// Every English sentence the parser can print for these commands is matched here; the parser's own
    /// wording is stable across its 1.x releases, and `DutchThroughoutTests` walks every command's help and
    /// a set of usage errors through the real binaries, so a new parser sentence fails a test.
    public enum Parser {
        public static func translate(_ text: String) -> String {
            var text = text
            for rule in rules {
                text = text.replacing(rule.pattern) { match in
                    rule.replacement(match.output.dropFirst().map { $0.substring.map(String.init) ?? "" })
                }
            }
            return reindentingUsage(text)
        }

        private struct Rule {
            let pattern: Regex<AnyRegexOutput>
            let replacement: ([String]) -> String

            init<Output>(_ pattern: Regex<Output>, _ replacement: @escaping ([String]) -> String) {
                self.pattern = Regex<AnyRegexOutput>(pattern).anchorsMatchLineEndings()
                self.replacement = replacement
            }

            init<Output>(_ pattern: Regex<Output>, _ fixed: String) { self.init(pattern) { _ in fixed } }
        }

        /// Longer sentences before the shorter ones they contain.
        private static var rules: [Rule] {
            [
                Rule(#/^OVERVIEW: /#, "OVERZICHT: "),
                Rule(#/^USAGE: /#, "GEBRUIK: "),
                Rule(#/^ARGUMENTS:$/#, "ARGUMENTEN:"),
                Rule(#/^OPTIONS:$/#, "OPTIES:"),
                Rule(#/^SUBCOMMANDS:$/#, "SUBCOMMANDO'S:"),
                Rule(#/Show subcommand help information\./#, "Toon de hulp bij een subcommando."),
                Rule(#/Show help information\./#, "Toon deze hulp."),
                Rule(#/Show the version\./#, "Toon de versie."),
                Rule(#/\(values: /#, "(waarden: "),
                Rule(#/; default:(\s)/#) { "; standaard:\($0[0])" },
                Rule(#/\(default as flag:(\s)/#) { "(standaard als vlag:\($0[0])" },
                Rule(#/\(default:(\s)/#) { "(standaard:\($0[0])" },
                Rule(#/\(default\)/#, "(standaard)"),
                Rule(#/See '(.+) <subcommand>' for detailed help\./#) { "Zie '\($0[0]) <subcommando>' voor de hulp bij een subcommando." },
                Rule(#/See '(.+)' for more information\./#) { "Zie '\($0[0])' voor meer uitleg." },
                Rule(#/^Error: /#, "Fout: "),
                Rule(#/^Help:  /#, "Hulp:  "),
                Rule(#/^Usage: /#, "Gebruik: "),
                Rule(#/Missing expected argument '(.+)'/#) { "het argument '\($0[0])' ontbreekt" },
                Rule(#/Missing one of: (.+)/#) { "geef een van: \($0[0])" },
                Rule(#/Missing value for '(.+)'/#) { "geef een waarde bij '\($0[0])'" },
                Rule(#/Missing required subcommand\./#, "geef een subcommando."),
                Rule(#/Unknown option '([^']+)'\. Did you mean '([^']+)'\?/#) { "onbekende optie '\($0[0])'; bedoelt u '\($0[1])'?" },
                Rule(#/Unknown option '([^']+)'/#) { "onbekende optie '\($0[0])'" },
                Rule(#/^(\s+)or: /#) { "\($0[0])of: " },
                Rule(#/Invalid option: (.+)/#) { "ongeldige optie: \($0[0])" },
                Rule(#/(\d+) unexpected arguments: (.+)/#) { "\($0[0]) onverwachte argumenten: \($0[1])" },
                Rule(#/Unexpected argument '(.+)'/#) { "onverwacht argument '\($0[0])'" },
                Rule(#/The option '([^']+)' does not take any value, but '(.*)' was specified\./#) {
                    "de optie '\($0[0])' neemt geen waarde, maar '\($0[1])' is opgegeven."
                },
                Rule(#/The value '(.*)' is invalid for '([^']+)'/#) { "de waarde '\($0[0])' is ongeldig voor '\($0[1])'" },
                Rule(#/The value '(.*)' is invalid\./#) { "de waarde '\($0[0])' is ongeldig." },
                Rule(#/\. Please provide one of the following:/#, ". Kies een van deze:"),
                Rule(#/\. Please provide one of (.+)\.$/#) {
                    ". Kies \($0[0].replacing("' and '", with: "' of '").replacing("' or '", with: "' of '"))."
                },
                Rule(#/Value to be set with flag (.+) had already been set with flag (.+)/#) {
                    "de waarde van vlag \($0[0]) was al gezet met vlag \($0[1])"
                },
            ]
        }

        /// `GEBRUIK: ` is two characters longer than `USAGE: `: the usage's continuation lines move along.
        private static func reindentingUsage(_ text: String) -> String {
            var inUsage = false
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                if line.hasPrefix("GEBRUIK: ") {
                    inUsage = true
                    return String(line)
                }
                guard inUsage, line.hasPrefix("       ") else {
                    inUsage = false
                    return String(line)
                }
                return "  " + line
            }.joined(separator: "\n")
        }
    }
}
