import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests: fixed routes, a thread per connection,
/// stopped when the test ends. It serves only the loopback address.
final class LocalHTTPServer: @unchecked Sendable {
  struct Route: Sendable {
    var status: Int = 200
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    /// Seconds to wait before answering (for timeout tests).
    var delay: Double = 0
  }

  let port: UInt16
  private let socketDescriptor: Int32
  private let routes: [String: Route]
  private let lock = NSLock()
  private var running = true
  private let thread: Thread

  init(routes: [String: Route]) throws {
    self.routes = routes
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw ServerError.socket }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 8) == 0 else {
      close(descriptor)
      throw ServerError.socket
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    port = UInt16(bigEndian: address.sin_port)
    socketDescriptor = descriptor
    let routesCopy = routes
    thread = Thread {
      LocalHTTPServer.serve(descriptor, routes: routesCopy)
    }
    thread.start()
  }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  func stop() {
    shutdown(socketDescriptor, Int32(SHUT_RDWR))
    close(socketDescriptor)
  }

  deinit { stop() }

  private static func serve(_ descriptor: Int32, routes: [String: Route]) {
    while true {
      let client = accept(descriptor, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        return
      }
      // One thread per connection, so a slow route does not hold up the next request.
      Thread { handle(client, routes: routes) }.start()
    }
  }

  private static func handle(_ client: Int32, routes: [String: Route]) {
    defer { close(client) }
    var request: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !request.ends(with: [13, 10, 13, 10]) && request.count < 65_536 {
      let count = read(client, &buffer, buffer.count)
      if count <= 0 { return }
      request += buffer[..<count]
      if let range = request.firstRange(of: [13, 10, 13, 10]) {
        request = Array(request[..<range.upperBound])
        break
      }
    }
    let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self)
    let parts = line.split(separator: " ")
    let path = parts.count > 1 ? String(parts[1]) : "/"
    let route = routes[path] ?? Route(status: 404, body: Array("not found".utf8))
    if route.delay > 0 { Thread.sleep(forTimeInterval: route.delay) }
    var head = "HTTP/1.1 \(route.status) \(route.status == 200 ? "OK" : "Error")\r\n"
    var headers = route.headers
    headers["Content-Length"] = headers["Content-Length"] ?? String(route.body.count)
    headers["Connection"] = "close"
    for (key, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(key): \(value)\r\n" }
    head += "\r\n"
    let response = Array(head.utf8) + route.body
    var offset = 0
    while offset < response.count {
      let written = response[offset...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
      if written <= 0 { return }
      offset += written
    }
  }

  enum ServerError: Error { case socket }
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }
}
