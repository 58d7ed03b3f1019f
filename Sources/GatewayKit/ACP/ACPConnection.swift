import Foundation
import Synchronization

/// A JSON-RPC 2.0 peer over an agent process's stdio. Messages are handled in the order the agent wrote them:
/// notifications are awaited one by one (so every chunk is committed before the turn's answer is seen), while
/// requests from the agent (fs, permissions) each get a task, since a permission may wait for a person.
final class ACPConnection: Sendable {
    /// Answers a request from the agent: its result, or a thrown `ACPError`.
    typealias RequestHandler = @Sendable (_ method: String, _ params: JSONValue) async throws -> JSONValue
    /// Takes a notification from the agent.
    typealias NotificationHandler = @Sendable (_ method: String, _ params: JSONValue) async -> Void

    let process: AgentProcess
    private let state = Mutex(State())

    private struct State {
        var nextId = 1
        var pending: [Int: CheckedContinuation<JSONValue, any Error>] = [:]
        var failure: ACPError?
        var onRequest: RequestHandler?
        var onNotification: NotificationHandler?
        var lastActivity = ContinuousClock.now
        var answering: [Int: Task<Void, Never>] = [:]
        var nextTask = 0
    }

    init(process: AgentProcess) {
        self.process = process
    }

    /// Reads and dispatches messages until the process ends; run it in a task for the connection's life.
    func readLoop() async {
        for await output in process.output {
            switch output {
            case .line(let line):
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                guard let message = try? JSONValue.parse(Data(line.utf8)), case .object = message else {
                    fail(.badOutput("not a JSON object: \(line.prefix(120))"))
                    await process.stop()
                    continue
                }
                await dispatch(message)
            case .overlong:
                fail(.badOutput("a line longer than \(AgentProcess.maxLineBytes) bytes"))
                await process.stop()
            case .exited(let status, let stderr):
                fail(.exited(status, stderr: stderr))
            }
        }
    }

    /// Installs the handlers for what the agent sends (replacing earlier ones).
    func setHandlers(request: RequestHandler?, notification: NotificationHandler?) {
        state.withLock { ($0.onRequest, $0.onNotification) = (request, notification) }
    }

    /// Why the connection is unusable, when it is.
    var failure: ACPError? { state.withLock { $0.failure } }

    /// When the agent last sent or was sent something.
    var lastActivity: ContinuousClock.Instant { state.withLock { $0.lastActivity } }

    /// Sends a request and waits for its answer; cancelling the task stops the wait (the answer is dropped).
    /// - Throws: `ACPError` when the agent answers with an error or ends; `CancellationError`.
    func request(_ method: String, _ params: JSONValue) async throws -> JSONValue {
        let id = state.withLock { s -> Int in
            s.nextId += 1
            return s.nextId - 1
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let refused: (any Error)? = state.withLock { s in
                    if let failure = s.failure { return failure }
                    if Task.isCancelled { return CancellationError() }
                    s.pending[id] = continuation
                    s.lastActivity = .now
                    return nil
                }
                if let refused { return continuation.resume(throwing: refused) }
                write(["jsonrpc": "2.0", "id": .number(Double(id)), "method": .string(method), "params": params])
            }
        } onCancel: {
            state.withLock { $0.pending.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
        .rpcResult(method)
    }

    /// Cancels the agent's requests still being answered (a permission waiting for a person).
    func cancelRequests() {
        state.withLock { $0.answering.values }.forEach { $0.cancel() }
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue) {
        write(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Marks the connection failed and fails every pending request with `error` (the first failure wins).
    func fail(_ error: ACPError) {
        let waiting = state.withLock { s -> [CheckedContinuation<JSONValue, any Error>] in
            if s.failure == nil { s.failure = error }
            defer { s.pending.removeAll() }
            return Array(s.pending.values)
        }
        let reason = failure ?? error
        waiting.forEach { $0.resume(throwing: reason) }
    }

    // MARK: - Dispatch

    private func dispatch(_ message: JSONValue) async {
        let (onRequest, onNotification) = state.withLock { s in
            s.lastActivity = .now
            return (s.onRequest, s.onNotification)
        }
        let id = message["id"]
        if let method = message["method"]?.stringValue {
            let params = message["params"] ?? .null
            guard let id, !id.isNull else { return await onNotification?(method, params) ?? () }
            state.withLock { s in
                let n = s.nextTask
                s.nextTask += 1
                s.answering[n] = Task {
                    await answer(id: id, method: method, params: params, handler: onRequest)
                    state.withLock { _ = $0.answering.removeValue(forKey: n) }
                }
            }
        } else if let id = id?.numberValue.map(Int.init) {
            let waiter = state.withLock { $0.pending.removeValue(forKey: id) }
            waiter?.resume(returning: message)
        }
    }

    private func answer(id: JSONValue, method: String, params: JSONValue, handler: RequestHandler?) async {
        do {
            guard let handler else { throw ACPError.refused("gw does not offer \(method) right now", code: -32601) }
            let result = try await handler(method, params)
            write(["jsonrpc": "2.0", "id": id, "result": result])
        } catch let error as ACPError {
            write(["jsonrpc": "2.0", "id": id, "error": ["code": .number(Double(error.code)), "message": .string(error.message)]])
        } catch {
            write(["jsonrpc": "2.0", "id": id, "error": ["code": -32603, "message": .string(String(describing: error))]])
        }
    }

    private func write(_ message: JSONValue) {
        process.send(message.jsonString)
    }
}

extension JSONValue {
    /// The `result` of a JSON-RPC response, or its `error` thrown as `ACPError`.
    fileprivate func rpcResult(_ method: String) throws -> JSONValue {
        if let error = self["error"], !error.isNull {
            throw ACPError.answered(method, code: Int(error["code"]?.numberValue ?? -32603),
                                    message: error["message"]?.stringValue ?? error.jsonString)
        }
        return self["result"] ?? .null
    }
}
