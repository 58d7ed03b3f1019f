import OpenAPIRuntime

// Operations whose capability is not built yet answer 501 `not_implemented` in the error shape.
// Each moves to its tag's `APIHandler+<Tag>.swift` when its issue lands.
extension APIHandler {
}
