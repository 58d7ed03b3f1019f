/// Splits a shell line into words the way a POSIX shell does, without any expansion.
///
/// Single quotes keep everything literally; double quotes keep everything except `\"`, `\\`, `\$`,
/// `` \` `` and backslash-newline; a backslash outside quotes keeps the next character; `#` at the
/// start of a word comments out the rest of the line.
enum ShellTokenizer {
    /// Why a line could not be split (shown to the user as is).
    struct Failure: Error, Equatable, CustomStringConvertible {
        /// What is wrong with the line.
        let message: String
        /// The message.
        var description: String { message }
    }

    /// A line split into words, as far as it goes.
    struct Split: Equatable {
        /// Every word, including one still open at the end of the line.
        var words: [String] = []
        /// Whether the line ends inside a word (no separator after the last word), for completion.
        var endsInWord = false
        /// Why the line is incomplete (an unterminated quote or a trailing backslash), if it is.
        var failure: Failure?
    }

    /// The words of `line`.
    /// - Throws: `Failure` for an unterminated quote or a line that ends with a backslash.
    static func tokenize(_ line: String) throws(Failure) -> [String] {
        let split = split(line)
        if let failure = split.failure { throw failure }
        return split.words
    }

    /// Splits `line` leniently: an unterminated quote still yields its partial word (and a `failure`).
    static func split(_ line: String) -> Split {
        var scanner = Scanner()
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, !scanner.commented {
            index += scanner.consume(scalars[index], next: index + 1 < scalars.count ? scalars[index + 1] : nil)
        }
        return scanner.finish()
    }

    // MARK: - Scanner

    /// The state of one scan: the words so far, the word being built and the open quote.
    private struct Scanner {
        var result = Split()
        var word = String.UnicodeScalarView()
        var inWord = false
        var quote: Unicode.Scalar?
        var commented = false
        var danglingBackslash = false

        /// Characters a backslash escapes inside double quotes (POSIX).
        static let doubleQuoteEscapable: Set<Unicode.Scalar> = ["\"", "\\", "$", "`", "\n"]
        /// Characters that separate words.
        static let blanks: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]

        /// Consumes `c` (and possibly `next`); returns how many scalars it used.
        mutating func consume(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Int {
            switch quote {
            case "'":
                if c == "'" { quote = nil } else { word.append(c) }
                return 1
            case "\"":
                if c == "\"" {
                    quote = nil
                } else if c == "\\", let next, Self.doubleQuoteEscapable.contains(next) {
                    if next != "\n" { word.append(next) }
                    return 2
                } else {
                    word.append(c)
                }
                return 1
            default:
                return consumeUnquoted(c, next: next)
            }
        }

        /// Consumes `c` outside quotes.
        private mutating func consumeUnquoted(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Int {
            if Self.blanks.contains(c) {
                endWord()
            } else if c == "#" && !inWord {
                commented = true
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == "\\" {
                guard let next else {
                    danglingBackslash = true
                    inWord = true
                    return 1
                }
                if next != "\n" {
                    word.append(next)
                    inWord = true
                }
                return 2
            } else {
                word.append(c)
                inWord = true
            }
            return 1
        }

        private mutating func endWord() {
            guard inWord else { return }
            result.words.append(String(word))
            word = String.UnicodeScalarView()
            inWord = false
        }

        /// The split, with the last word closed and any failure recorded.
        mutating func finish() -> Split {
            let open = inWord
            endWord()
            result.endsInWord = open
            if quote == "'" {
                result.failure = Failure(message: "unterminated single quote")
            } else if quote == "\"" {
                result.failure = Failure(message: "unterminated double quote")
            } else if danglingBackslash {
                result.failure = Failure(message: "the line ends with a backslash")
            }
            return result
        }
    }
}
