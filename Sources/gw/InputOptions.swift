import ArgumentParser
import Foundation
import GatewayKit

/// Run input from the command line: `--input JSON|@file|-` and repeated `--set key=value` on top.
struct InputOptions: ParsableArguments {
    @Option(name: .long,
            help: ArgumentHelp("Input as inline JSON, @file.json, or - for stdin", valueName: "json|@file|-"))
    var input: String?

    @Option(name: .customLong("set"),
            help: ArgumentHelp(
                "Set one input field (repeatable): the value is JSON when it parses, else a string; a.b=1 nests",
                valueName: "key=value"))
    var assignments: [String] = []

    /// Checks inline JSON and the `--set` syntax (files and stdin are read when the command runs).
    func validate() throws {
        var base: JSONValue?
        if let input, !JSONArgument.isIndirect(input) { base = try JSONArgument.parse(input, flag: "--input") }
        _ = try Self.merge(base, assignments)
    }

    /// The input, or nil when neither `--input` nor `--set` was given.
    /// - Throws: `ValidationError` naming the flag and the problem.
    func value(readFile: (String) -> Data? = FileManager.default.contents(atPath:),
               readStdin: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws -> JSONValue? {
        let base = try input.map {
            try JSONArgument.parse($0, flag: "--input", readFile: readFile, readStdin: readStdin)
        }
        return try Self.merge(base, assignments)
    }

    /// The input for a command's `run`: like `value()`, but a bad file or stdin exits 2 with a one-line message.
    func resolve() throws -> JSONValue? {
        do {
            return try value()
        } catch let error as ValidationError {
            throw CommandExit(ExitCodes.usage, error.description)
        }
    }

    // MARK: - --set

    /// `base` with every `key=value` assignment applied in order (nil when there is neither).
    static func merge(_ base: JSONValue?, _ assignments: [String]) throws -> JSONValue? {
        guard !assignments.isEmpty else { return base }
        var object: [String: JSONValue]
        switch base {
        case nil: object = [:]
        case .object(let members)?: object = members
        default: throw ValidationError("--set needs --input to be a JSON object, not \(base?.jsonString ?? "null")")
        }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ValidationError("--set \(assignment): expected key=value")
            }
            let key = String(assignment[..<equals])
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !path.contains(where: \.isEmpty) else {
                throw ValidationError("--set \(assignment): empty key in \"\(key)\"")
            }
            let text = String(assignment[assignment.index(after: equals)...])
            object = try setting(JSONArgument.scalar(text), at: path[...], in: object, key: key)
        }
        return .object(object)
    }

    private static func setting(_ value: JSONValue, at path: ArraySlice<String>, in object: [String: JSONValue],
                                key: String) throws -> [String: JSONValue] {
        var object = object
        guard let first = path.first else { return object }
        guard path.count > 1 else {
            object[first] = value
            return object
        }
        let child: [String: JSONValue]
        switch object[first] {
        case nil: child = [:]
        case .object(let members)?: child = members
        default: throw ValidationError("--set \(key): \"\(first)\" already holds a value that is not an object")
        }
        object[first] = .object(try setting(value, at: path.dropFirst(), in: child, key: key))
        return object
    }
}

/// A JSON value given on the command line: inline, `@file`, or `-` for stdin.
enum JSONArgument {
    /// Whether `text` names a file or stdin rather than holding JSON.
    static func isIndirect(_ text: String) -> Bool { text == "-" || text.hasPrefix("@") }

    /// Parses `text` (inline JSON, `@file` or `-`).
    /// - Throws: `ValidationError` naming `flag` and the problem.
    static func parse(_ text: String, flag: String, readFile: (String) -> Data? = { _ in nil },
                      readStdin: () -> Data = { Data() }) throws -> JSONValue {
        let data: Data
        let origin: String
        if text == "-" {
            data = readStdin()
            origin = "\(flag) - (stdin)"
        } else if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            guard !path.isEmpty, let contents = readFile(path) else {
                throw ValidationError("\(flag) \(text): cannot read the file")
            }
            data = contents
            origin = "\(flag) \(text)"
        } else {
            data = Data(text.utf8)
            origin = flag
        }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw ValidationError("\(origin) is not valid JSON: \(reason(data, error))")
        }
    }

    /// The value of `--set key=value`: JSON when `text` parses as JSON, else the text as a string.
    static func scalar(_ text: String) -> JSONValue {
        (try? JSONValue.parse(Data(text.utf8))) ?? .string(text)
    }

    /// Where parsing failed (`Invalid value around character 1.`), as Foundation's parser words it.
    private static func reason(_ data: Data, _ error: any Error) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        }
        guard case DecodingError.dataCorrupted(let context) = error else { return String(describing: error) }
        return context.debugDescription
    }
}
