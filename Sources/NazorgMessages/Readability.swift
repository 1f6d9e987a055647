extension Dutch {
    /// The Flesch–Douma reading ease of a Dutch text (Douma 1960, Flesch's formula refitted for Dutch):
    /// `206.835 − 0.93 × words per sentence − 77 × syllables per word`. Higher is easier: 60–70 is plain
    /// language most adults read easily (about B1), 70–80 is easy, below 50 is hard. Nil for a text without words.
    public static func fleschDouma(_ text: String) -> Double? {
        let words = self.words(in: text)
        guard !words.isEmpty else { return nil }
        let sentences = max(1, sentenceCount(text))
        let syllables = words.reduce(0) { $0 + syllableCount($1) }
        return 206.835 - 0.93 * Double(words.count) / Double(sentences) - 77 * Double(syllables) / Double(words.count)
    }

    /// The words of a text: runs of letters (digits, phone numbers and punctuation are not words).
    static func words(in text: String) -> [Substring] {
        text.split { !$0.isLetter && $0 != "'" && $0 != "-" }.filter { $0.contains(where: \.isLetter) }
    }

    /// Sentences end in `.`, `!`, `?` or `:`, or at the end of a line that holds words (a heading, a list item).
    static func sentenceCount(_ text: String) -> Int {
        text.split(separator: "\n").reduce(0) { count, line in
            let ends = line.split { ".!?:".contains($0) }.filter { words(in: String($0)).count > 0 }.count
            return count + max(ends, words(in: String(line)).isEmpty ? 0 : 1)
        }
    }

    /// Syllables of one Dutch word, counted as its groups of vowels (`ie`, `oe`, `eu`, `ij`, `aa` are one sound,
    /// so one syllable); a word has at least one.
    static func syllableCount(_ word: Substring) -> Int {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "á", "é", "í", "ó", "ú", "à", "è", "ë", "ï", "ö", "ü", "ê"]
        var count = 0
        var inVowels = false
        for character in word.lowercased() {
            let isVowel = vowels.contains(character)
            if isVowel && !inVowels { count += 1 }
            inVowels = isVowel
        }
        return max(1, count)
    }
}
