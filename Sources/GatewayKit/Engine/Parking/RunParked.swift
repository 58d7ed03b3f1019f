/// Thrown by a step that waits on a person, a timer or a breakpoint once the wait is committed and registered
/// with the `ParkingLot`: the run's task unwinds and ends, and the run is re-entered from the store when its
/// decision or deadline comes. Not a failure: retries, `continueOnError` and the run's end let it through.
struct RunParked: Error, Sendable {
    let runId: String
    let stepId: String
}
