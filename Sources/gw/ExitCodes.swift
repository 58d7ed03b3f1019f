import ArgumentParser
import Foundation
import GatewayKit

/// The exit codes of DESIGN §8, and the one place errors become them.
enum ExitCodes {
    static let ok: Int32 = 0
    static let error: Int32 = 1
    static let usage: Int32 = 2
    static let runFailed: Int32 = 3
    static let runCancelled: Int32 = 4
    static let stillRunning: Int32 = 5
    static let notFound: Int32 = 6
    static let unauthorized: Int32 = 7
    static let unreachable: Int32 = 8
    static let conflict: Int32 = 9
    /// Interrupted by Ctrl-C (as shells report SIGINT).
    static let interrupted: Int32 = 130

    /// The exit code for `error`.
    static func code(for error: any Error) -> Int32 {
        switch error {
        case let e as GatewayError:
            switch e.status {
            case 400, 413, 422: return usage
            case 401, 403: return unauthorized
            case 404: return notFound
            case 409: return conflict
            default: return self.error
            }
        case is GatewayClientError:
            if case .unreachable = error as? GatewayClientError { return unreachable }
            return self.error
        case let e as CommandExit:
            return e.code
        case is CancellationError:
            return interrupted
        case let e as LoadErrors:
            _ = e
            return usage
        default:
            return self.error
        }
    }

    /// Prints `error` as one line on stderr (help and usage as argument-parser renders them) and returns its code.
    static func report(_ error: any Error, commandType: any ParsableCommand.Type) -> Int32 {
        if error is CancellationError {
            StandardStreams.writeError("gw: interrupted")
            return interrupted
        }
        if error is GatewayError || error is GatewayClientError || error is LoadErrors || error is CommandExit {
            if let exit = error as? CommandExit {
                if let message = exit.message { StandardStreams.writeError("gw: " + message) }
            } else {
                StandardStreams.writeError("gw: " + describe(error))
            }
            return code(for: error)
        }
        let parserCode = commandType.exitCode(for: error)
        let message = commandType.fullMessage(for: error)
        if parserCode == .success {
            if !message.isEmpty { StandardStreams.write(message) }
            return ok
        }
        if !message.isEmpty { StandardStreams.writeError(message) }
        return parserCode == .validationFailure ? usage : parserCode.rawValue == 64 ? usage : self.error
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as GatewayError: return "\(e.message) (\(e.code.rawValue))"
        case let e as LoadErrors: return "\(e.errors.count) error(s):\n" + e.description
        default: return String(describing: error)
        }
    }
}

/// A command's deliberate exit with a contract code (run failed, still running…), optionally with a message.
struct CommandExit: Error {
    let code: Int32
    let message: String?
    init(_ code: Int32, _ message: String? = nil) {
        self.code = code
        self.message = message
    }
}
