import Testing
@testable import GatewayKit

@Suite struct OutputBufferingTests {
    // MARK: - LineSplitter

    @Test func splitterCarriesPartialLinesAcrossChunks() {
        var splitter = LineSplitter()
        #expect(feed(&splitter, "ab") == [])
        #expect(feed(&splitter, "c\n\nd\ne") == ["abc", "", "d"])
        #expect(splitter.finish() == ["e"])
        #expect(splitter.finish() == [])
    }

    @Test func splitterCutsLongLinesAtCharacterBoundaries() {
        var splitter = LineSplitter(maxLineBytes: 4)
        #expect(feed(&splitter, "aaé") == [])
        #expect(feed(&splitter, "a\n") == ["aaé", "a"])
        #expect(feed(&splitter, "aaaé") == ["aaa"])
        #expect(feed(&splitter, "bbbb\n") == ["ébb", "bb"])
        #expect(feed(&splitter, "xxxxxxxxx") == ["xxxx", "xxxx"])
        #expect(splitter.finish() == ["x"])
    }

    // MARK: - OutputTail

    @Test func tailKeepsTheLastBytes() {
        var tail = OutputTail(limit: 5)
        for chunk in ["abc", "def", "ghijklmnop", "qr"] { append(&tail, chunk) }
        #expect(tail.text == "nopqr")
        #expect(tail.truncated && tail.total == 18)
        var short = OutputTail(limit: 5)
        append(&short, "abcde")
        #expect(short.text == "abcde" && !short.truncated)
    }

    @Test func tailDropsACharacterCutAtTheFront() {
        var tail = OutputTail(limit: 3)
        append(&tail, "xéé")
        #expect(tail.text == "é")
    }

    @Test func zeroLimitKeepsNothing() {
        var tail = OutputTail(limit: 0)
        append(&tail, "abc")
        #expect(tail.text == "" && tail.truncated)
    }

    private func feed(_ splitter: inout LineSplitter, _ text: String) -> [String] {
        Array(text.utf8).withUnsafeBufferPointer { splitter.feed($0) }
    }

    private func append(_ tail: inout OutputTail, _ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { tail.append($0) }
    }
}
