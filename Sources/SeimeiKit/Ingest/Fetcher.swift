import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A resource fetched over HTTP(S).
public struct FetchedResource: Sendable {
  public var bytes: [UInt8]
  /// The media type from Content-Type, without parameters (text/html).
  public var contentType: String?
  /// The charset parameter of Content-Type, if any.
  public var charset: String?
}

/// Fetches http and https URLs with a timeout and a size cap, following redirects.
public struct Fetcher: Sendable {
  /// Seconds without progress before giving up, and for the whole transfer.
  public var timeout: TimeInterval

  public init(timeout: TimeInterval = 20) { self.timeout = timeout }

  public func fetch(_ url: URL, maximumBytes: Int) throws(FetchError) -> FetchedResource {
    let collector = Collector(maximumBytes: maximumBytes)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
    defer { session.invalidateAndCancel() }
    var request = URLRequest(url: url)
    request.setValue("Seimei/0.1 (statement reader)", forHTTPHeaderField: "User-Agent")
    request.setValue(
      "text/html, text/plain, application/json;q=0.9, */*;q=0.5", forHTTPHeaderField: "Accept")
    let task = session.dataTask(with: request)
    task.resume()
    let finished = collector.done.wait(timeout: .now() + timeout + 5)
    if finished == .timedOut {
      task.cancel()
      throw .timedOut(Int(timeout))
    }
    return try collector.result()
  }

  /// Receives the response on URLSession's queue; read once `done` is signalled.
  private final class Collector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let maximumBytes: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var response: HTTPURLResponse?
    private var failure: FetchError?

    init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

    func urlSession(
      _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
      completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
      let http = response as? HTTPURLResponse
      lock.withLock { self.response = http }
      if let http, !(200..<300).contains(http.statusCode) {
        lock.withLock { failure = .status(http.statusCode) }
        completionHandler(.cancel)
        return
      }
      if response.expectedContentLength > Int64(maximumBytes) {
        lock.withLock { failure = .tooLarge(maximumBytes) }
        completionHandler(.cancel)
        return
      }
      completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
      let overflow = lock.withLock { () -> Bool in
        bytes.append(contentsOf: data)
        if bytes.count > maximumBytes {
          failure = .tooLarge(maximumBytes)
          return true
        }
        return false
      }
      if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?)
    {
      lock.withLock {
        if failure == nil, let error {
          let code = (error as? URLError)?.code
          failure =
            code == .timedOut
            ? .timedOut(Int(session.configuration.timeoutIntervalForRequest))
            : .transport(Self.describe(error))
        }
      }
      done.signal()
    }

    static func describe(_ error: Error) -> String {
      guard let urlError = error as? URLError else { return error.localizedDescription }
      switch urlError.code {
      case .cannotConnectToHost: return "connection refused"
      case .cannotFindHost, .dnsLookupFailed: return "host not found"
      case .notConnectedToInternet: return "no network"
      case .secureConnectionFailed, .serverCertificateUntrusted: return "TLS connection failed"
      default: return urlError.localizedDescription
      }
    }

    func result() throws(FetchError) -> FetchedResource {
      let (bytes, response, failure) = lock.withLock { (self.bytes, self.response, self.failure) }
      if let failure { throw failure }
      let header = response?.value(forHTTPHeaderField: "Content-Type")
      let parts = header?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      let type = parts?.first?.lowercased()
      let charset = parts?.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
        .map {
          String($0.dropFirst("charset=".count)).trimmingCharacters(
            in: CharacterSet(charactersIn: "\"'"))
        }
      return FetchedResource(bytes: bytes, contentType: type, charset: charset)
    }
  }
}

public enum FetchError: Error, Equatable, CustomStringConvertible {
  case status(Int)
  case tooLarge(Int)
  case timedOut(Int)
  case transport(String)

  public var description: String {
    switch self {
    case .status(let code):
      return "the server answered HTTP \(code) "
        + HTTPURLResponse.localizedString(forStatusCode: code).lowercased()
    case .tooLarge(let limit):
      return "larger than the \(LoadError.megabytes(limit)) limit (set max-size)"
    case .timedOut(let seconds): return "no answer within \(seconds) s (timed out)"
    case .transport(let message): return message
    }
  }
}
