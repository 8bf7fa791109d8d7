import SeimeiKit
import Testing

/// A statement page as a browser saves it: navigation, banners, scripts, a cookie form, hidden
/// parts, and the statement in `<main>`.
private let ministryPageHTML = """
  <!DOCTYPE html>
  <html lang="ja" class="no-js">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>
      外務報道官談話：北朝鮮による弾道ミサイルの発射について
      ｜外務省
    </title>
    <meta name="description" content="北朝鮮による弾道ミサイルの発射についての外務報道官談話です。">
    <meta property="og:site_name" content="外務省">
    <meta property="og:url" content="https://www.example.go.jp/press/danwa/page1_000123.html?utm=x">
    <meta name="DC.date" content="2024-05-01">
    <link rel="stylesheet" href="/common/css/base.css">
    <link rel="canonical" href="https://www.example.go.jp/press/danwa/page1_000123.html">
    <style>
      body { font-family: sans-serif; }
      .hidden { display: none; }
    </style>
    <script>
      window.dataLayer = window.dataLayer || [];
      function gtag(){dataLayer.push(arguments);}
    </script>
  </head>
  <body>
    <a class="skip" href="#main" hidden>本文へ移動</a>
    <header id="header">
      <div class="logo"><a href="/"><img src="/logo.png" alt="外務省"></a></div>
      <nav aria-label="グローバルナビゲーション">
        <ul>
          <li><a href="/">ホーム</a></li>
          <li><a href="/press/">会見・発表・広報</a></li>
          <li><a href="/policy/">外交政策</a></li>
        </ul>
      </nav>
      <form class="search" action="/search"><input type="text" name="q"><button>検索</button></form>
    </header>
    <div id="cookie-banner" role="dialog">
      <form method="post" action="/consent">
        <p>当サイトではクッキーを使用しています。</p>
        <button type="submit">同意する</button>
      </form>
    </div>
    <div class="breadcrumbs" aria-hidden="true">ホーム &gt; 会見・発表・広報 &gt; 談話</div>
    <main id="main">
      <h1 class="title">外務報道官談話<br>北朝鮮による弾道ミサイルの発射について</h1>
      <p class="date"><time datetime="2024-05-02">令和6年5月2日</time></p>
      <div class="body">
        <p>
          1　本日、北朝鮮は、東方向に<b>弾道ミサイル</b>を発射しました。
          我が国は、北京の外交ルートを通じて厳重に抗議しました。
        </p>
        <p>2　この行動は、国連安全保障理事会決議（<abbr title="United Nations Security Council Resolution">UNSCR</abbr>&nbsp;1718 ほか）に違反するものです。</p>
        <p style="display: none">（非表示の注記）</p>
        <ul>
          <li>関連：<a href="/press/1">前回の談話</a></li>
          <li>English: <a href="/en/press/1"><span>Press</span> <span>Release</span></a></li>
        </ul>
        <script>trackPageView("danwa");</script>
        <noscript><p>JavaScriptを有効にしてください。</p></noscript>
        <template><p>テンプレート</p></template>
        <aside class="share">この記事をシェア</aside>
      </div>
    </main>
    <footer>
      <p>Copyright &copy; Ministry of Foreign Affairs of Japan</p>
    </footer>
    <script src="/common/js/main.js"></script>
  </body>
  </html>
  """

@Suite struct HTMLExtractorTests {
  @Test func ministryPage() throws {
    let page = try HTMLExtractor.extract(ministryPageHTML)
    #expect(
      page.text == """
        外務報道官談話

        北朝鮮による弾道ミサイルの発射について

        令和6年5月2日

        1　本日、北朝鮮は、東方向に弾道ミサイルを発射しました。我が国は、北京の外交ルートを通じて厳重に抗議しました。

        2　この行動は、国連安全保障理事会決議（UNSCR 1718 ほか）に違反するものです。

        関連：前回の談話

        English: Press Release
        """)
    #expect(page.title == "外務報道官談話：北朝鮮による弾道ミサイルの発射について ｜外務省")
    #expect(
      page.metadata == [
        "date": "2024-05-01",
        "author": "外務省",
        "description": "北朝鮮による弾道ミサイルの発射についての外務報道官談話です。",
        "language": "ja",
        "url": "https://www.example.go.jp/press/danwa/page1_000123.html",
      ])
  }

  @Test func withoutMainOrArticleTheBodyIsUsed() throws {
    let page = try HTMLExtractor.extract(
      """
      <html><head><title>Statement</title></head>
      <body><nav>Menu</nav><h2>Statement by the Press Secretary</h2>
      <p>Japan   strongly
         protests.</p><div>Second&#x20;paragraph &amp; more.</div>Loose text<br>after a break
      </body></html>
      """)
    #expect(
      page.text == """
        Statement by the Press Secretary

        Japan strongly protests.

        Second paragraph & more.

        Loose text

        after a break
        """)
    #expect(page.title == "Statement")
    #expect(page.metadata.isEmpty)
  }

  @Test func severalArticlesAreTakenInOrder() throws {
    let page = try HTMLExtractor.extract(
      """
      <body><div class="sidebar">Latest news</div>
      <article><h2>First</h2><p>One.</p><article><p>Nested comment.</p></article></article>
      <aside>Ad</aside>
      <article hidden><p>Hidden article.</p></article>
      <article><h2>Second</h2><p>Two.</p></article></body>
      """)
    #expect(page.text == "First\n\nOne.\n\nNested comment.\n\nSecond\n\nTwo.")
  }

  @Test func mainIsPreferredOverArticles() throws {
    let page = try HTMLExtractor.extract(
      "<body><article><p>Teaser</p></article><main><p>Statement.</p></main></body>")
    #expect(page.text == "Statement.")
  }

  @Test func anEmptyMainFallsBackToTheBody() throws {
    let page = try HTMLExtractor.extract(
      "<body><main><script>x()</script></main><p>Text.</p></body>")
    #expect(page.text == "Text.")
  }

  @Test func pagesWithoutTextThrow() {
    #expect(throws: HTMLError.noText) {
      try HTMLExtractor.extract(
        "<html><head><title>Only a title</title></head><body><nav>Menu</nav>"
          + "<script>var x = 1;</script><div hidden>Secret</div>  \n</body></html>")
    }
    #expect(throws: HTMLError.noText) { try HTMLExtractor.extract("") }
    #expect(throws: HTMLError.noText) { try HTMLExtractor.extract("   ") }
    #expect(HTMLError.noText.description == "no text found in the page")
  }

  @Test func japaneseInlineElementsAreNotSpaced() throws {
    #expect(try HTMLExtractor.extract("<p>外務<b>報道官</b>談話</p>").text == "外務報道官談話")
    #expect(
      try HTMLExtractor.extract("<p><span>日本</span><span>政府</span>は<em>強く</em>抗議</p>").text
        == "日本政府は強く抗議")
    // A line break in the source between Japanese characters is not a space, but one between
    // Latin words is, and so is a space written between Japanese characters.
    #expect(
      try HTMLExtractor.extract("<p>我が国は\n    厳重に抗議した。\nThe\nend 終 わり</p>").text
        == "我が国は厳重に抗議した。 The end 終 わり")
    #expect(try HTMLExtractor.extract("<p>\u{3000}字下げ</p>").text == "\u{3000}字下げ")
  }

  @Test func hiddenAndFurnitureElementsAreDropped() throws {
    let page = try HTMLExtractor.extract(
      """
      <main>
      <p>Kept.</p>
      <p hidden>hidden attribute</p>
      <div aria-hidden="true">aria-hidden</div>
      <div aria-hidden="false">Kept too.</div>
      <span style="color: red; DISPLAY : None">inline style</span>
      <span style="visibility:hidden">invisible</span>
      <iframe src="x">frame</iframe><svg><text>graphic</text></svg>
      <button>Click</button><form><p>form text</p></form>
      <header>Article header</header><footer>Article footer</footer>
      </main>
      """)
    #expect(page.text == "Kept.\n\nKept too.")
  }

  @Test func aFormWrappingTheWholePageIsKept() throws {
    // ASP.NET WebForms pages put everything inside one form.
    let page = try HTMLExtractor.extract(
      """
      <body><form id="form1" method="post" action="./danwa.aspx">
      <input type="hidden" name="__VIEWSTATE" value="dDwtMTA4">
      <div id="header" role="banner">県庁トップ</div>
      <div role="navigation"><a href="/">ホーム</a></div>
      <h1>知事談話</h1><p>本日、声明を発表しました。</p>
      <div role="contentinfo">Copyright</div>
      <form class="search"><p>サイト内検索</p></form>
      </form></body>
      """)
    #expect(page.text == "知事談話\n\n本日、声明を発表しました。")
  }

  @Test func tablesListsAndPreformattedText() throws {
    let page = try HTMLExtractor.extract(
      """
      <main><table><tr><th>国名</th><th>日付</th></tr><tr><td>日本</td><td>5月1日</td></tr></table>
      <ol><li>First item</li><li>Second <i>item</i></li></ol>
      <blockquote>Quoted</blockquote><pre>line one
        line two</pre></main>
      """)
    #expect(
      page.text
        == "国名 日付\n\n日本 5月1日\n\nFirst item\n\nSecond item\n\nQuoted\n\nline one\n\nline two")
  }

  @Test func aCharsetDeclarationInTheDecodedTextIsIgnored() throws {
    let page = try HTMLExtractor.extract(
      "<html><head><meta charset=\"Shift_JIS\"></head><body><p>外務省の声明です。</p></body></html>")
    #expect(page.text == "外務省の声明です。")
  }

  @Test func deepNestingIsHandled() throws {
    let depth = 5000
    let html =
      "<html><body><main>" + String(repeating: "<div>", count: depth) + "<p>深い本文</p>"
      + String(repeating: "</div>", count: depth) + "<p>After</p></main></body></html>"
    let page = try HTMLExtractor.extract(html)
    #expect(page.text == "深い本文\n\nAfter")
    let spans =
      "<p>" + String(repeating: "<span>", count: depth) + "Inline"
      + String(repeating: "</span>", count: depth) + "</p>"
    #expect(try HTMLExtractor.extract(spans).text == "Inline")
  }

  @Test func metadataSources() throws {
    let page = try HTMLExtractor.extract(
      """
      <html xml:lang="en-GB" lang="en-GB"><head>
      <meta property="og:title" content="OG title">
      <meta name="author" content="  Ministry of
        Foreign Affairs ">
      <meta property="article:published_time" content="2024-03-09T10:00:00+09:00">
      <meta property="og:description" content="OG description">
      <meta property="og:url" content="https://example.org/og">
      </head><body><article><p>Text.</p></article></body></html>
      """)
    #expect(page.title == "OG title")
    #expect(
      page.metadata == [
        "author": "Ministry of Foreign Affairs", "date": "2024-03-09",
        "description": "OG description", "language": "en-GB", "url": "https://example.org/og",
      ])
  }

  @Test func datesInTheirMetaFormsAndFallbacks() throws {
    func date(_ head: String, _ body: String = "<p>Text.</p>") throws -> String? {
      try HTMLExtractor.extract("<html><head>\(head)</head><body>\(body)</body></html>")
        .metadata["date"]
    }
    #expect(try date("<meta name=\"date\" content=\"2024/5/1\">") == "2024-05-01")
    #expect(try date("<meta name=\"dcterms.date\" content=\"2024年5月1日\">") == "2024-05-01")
    #expect(try date("<meta name=\"DC.date\" content=\"令和6年5月1日\">") == "2024-05-01")
    #expect(try date("<meta name=\"date\" content=\"令和元年５月１日\">") == "2019-05-01")
    #expect(try date("<meta name=\"date\" content=\"平成31年4月30日\">") == "2019-04-30")
    #expect(try date("<meta name=\"date\" content=\"20240501\">") == "2024-05-01")
    // One that does not parse gives way to the next source.
    #expect(
      try date(
        "<meta name=\"date\" content=\"May 1\"><meta name=\"dcterms.date\" content=\"2024-02-29\">")
        == "2024-02-29")
    #expect(try date("<meta name=\"date\" content=\"2023-02-29\">") == nil)
    #expect(
      try date("", "<div itemprop=\"datePublished\" content=\"2024-06-07\">x</div><p>Text</p>")
        == "2024-06-07")
    #expect(
      try date(
        "",
        "<article><header><time datetime=\"2024-07-08\">8 July</time></header><p>T</p></article>")
        == "2024-07-08")
    #expect(
      try date("", "<time datetime=\"2024-07-08\">outside main</time><main><p>T</p></main>") == nil)
  }
}
