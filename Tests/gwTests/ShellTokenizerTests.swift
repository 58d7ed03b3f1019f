import Testing

@testable import gw

/// `gw shell` splits lines like a POSIX shell: quotes, backslashes and comments, no expansions.
@Suite struct ShellTokenizerTests {
    /// A line and the words it splits into.
    struct Case: CustomTestStringConvertible, Sendable {
        let line: String
        let words: [String]
        init(_ line: String, _ words: [String]) {
            self.line = line
            self.words = words
        }
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case("runs list", ["runs", "list"]),
        Case("  runs \t  list  ", ["runs", "list"]),
        Case("", []),
        Case("   ", []),
        Case("''", [""]),
        Case("\"\"", [""]),
        Case("a '' b", ["a", "", "b"]),
        Case("a''b", ["ab"]),
        Case("'a b'", ["a b"]),
        Case("\"a b\"", ["a b"]),
        Case("x'a b'y", ["xa by"]),
        Case(#"'a\b'"#, [#"a\b"#]),
        Case(#"'it'\''s'"#, ["it's"]),
        Case(#""say \"hi\"""#, [#"say "hi""#]),
        Case(#""a\\b""#, [#"a\b"#]),
        Case(#""a\nb""#, [#"a\nb"#]),
        Case(#""cost \$5 \`x\`""#, ["cost $5 `x`"]),
        Case(#""it's""#, ["it's"]),
        Case(#"'say "hi"'"#, [#"say "hi""#]),
        Case(#"a\ b"#, ["a b"]),
        Case(#"a\\b"#, [#"a\b"#]),
        Case(#"a\'b"#, ["a'b"]),
        Case("\\#", ["#"]),
        Case("runs get abc # the failing one", ["runs", "get", "abc"]),
        Case("# only a comment", []),
        Case("a#b", ["a#b"]),
        Case("'#'", ["#"]),
        Case("a #b c", ["a"]),
        Case(#"--input '{"ref": "main"}'"#, ["--input", #"{"ref": "main"}"#]),
        Case(#"--input "{\"ref\": \"main\"}""#, ["--input", #"{"ref": "main"}"#]),
        Case("--set key=va'l u'e", ["--set", "key=val ue"]),
        Case("héllo 'wörld ✓'", ["héllo", "wörld ✓"]),
        Case("a\\\nb", ["ab"]),
    ]

    @Test(arguments: cases)
    func splitsLikeAPOSIXShell(_ example: Case) throws {
        #expect(try ShellTokenizer.tokenize(example.line) == example.words)
    }

    @Test(arguments: [
        ("'abc", "unterminated single quote"),
        ("runs get \"abc", "unterminated double quote"),
        ("\"it's", "unterminated double quote"),
        ("'say \"hi\"", "unterminated single quote"),
        (#""a\""#, "unterminated double quote"),
        (#"abc\"#, "the line ends with a backslash"),
    ])
    func incompleteLinesAreErrors(_ line: String, _ message: String) {
        #expect(throws: ShellTokenizer.Failure(message: message)) { try ShellTokenizer.tokenize(line) }
    }

    @Test func lenientSplitKeepsThePartialWordForCompletion() {
        let open = ShellTokenizer.split("runs get \"ab")
        #expect(open.words == ["runs", "get", "ab"])
        #expect(open.endsInWord)
        #expect(open.failure != nil)
        #expect(ShellTokenizer.split("runs li").endsInWord)
        #expect(ShellTokenizer.split("runs ").endsInWord == false)
        #expect(ShellTokenizer.split("runs # li").endsInWord == false)
    }
}
