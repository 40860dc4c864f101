// The RFC 4180 reader and the encoding helpers under the loaders.
#include "load/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/encoding.hpp"

namespace fazhi::internal {
namespace {

struct Row {
  std::vector<std::string> fields;
  int64_t line;
  CsvIssue issue;
  std::string raw;
};

std::vector<Row> ReadAll(std::string_view text) {
  CsvReader reader(text);
  CsvRow row;
  std::vector<Row> rows;
  while (reader.next(row)) {
    Row r{{}, row.line, row.issue, std::string(text.substr(row.begin, row.end - row.begin))};
    for (std::string_view f : row.fields) r.fields.emplace_back(f);
    EXPECT_EQ(row.fields.size(), row.field_count);
    rows.push_back(std::move(r));
  }
  return rows;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, SplitsPlainRows) {
  const auto rows = ReadAll("a,b,c\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].raw, "1,2,3");
}

TEST(CsvReader, KeepsEmptyFieldsAndATrailingComma) {
  const auto rows = ReadAll(",a,,\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"", "a", "", ""}));
}

TEST(CsvReader, ReadsQuotedCommasAndEscapedQuotes) {
  const auto rows = ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"a,b", "say \"hi\"", ""}));
  EXPECT_EQ(rows[0].issue, CsvIssue::kNone);
}

TEST(CsvReader, QuotedLineBreaksKeepPhysicalLineNumbers) {
  const auto rows = ReadAll("h1,h2\n1,\"two\nlines\"\n2,\"three\r\nmore\nlines\"\n3,x\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "two\nlines"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "three\r\nmore\nlines"}));
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[3].line, 7);
}

TEST(CsvReader, AcceptsCrLfAndNoFinalNewline) {
  const auto rows = ReadAll("a,b\r\n\"x\",y\r\nlast,row");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(rows[1].fields, (Fields{"x", "y"}));
  EXPECT_EQ(rows[1].raw, "\"x\",y");
  EXPECT_EQ(rows[2].fields, (Fields{"last", "row"}));
  EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  const auto rows = ReadAll("a\n\n  \r\n\t\nb\n\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"b"}));
  EXPECT_EQ(rows[1].line, 5);
}

TEST(CsvReader, FastAndSlowPathsAgreeOnLongRows) {
  // A row longer than the 16-byte step, with and without a quote.
  const std::string plain = "0123456789abcdef,0123456789abcdefghij,x,yy,zzz,0123456789012345678\n";
  std::string quoted = plain;
  quoted.replace(0, 16, "\"0123456789abcde\"");
  const auto a = ReadAll(plain);
  const auto b = ReadAll(quoted);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].fields.size(), 6u);
  EXPECT_EQ(b[0].fields[1], a[0].fields[1]);
  EXPECT_EQ(b[0].fields[0], "0123456789abcde");
}

TEST(CsvReader, ReportsAnUnterminatedQuote) {
  const auto rows = ReadAll("a,b\n1,\"open\n2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].issue, CsvIssue::kUnterminatedQuote);
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  const auto rows = ReadAll("\"ab\"cd,e\nnext,row\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].issue, CsvIssue::kTextAfterQuote);
  EXPECT_EQ(rows[1].fields, (Fields{"next", "row"}));
}

TEST(CsvReader, AQuoteInsideAnUnquotedFieldIsText) {
  const auto rows = ReadAll("ab\"c,d\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"ab\"c", "d"}));
}

TEST(CsvReader, RejectsAFieldOrRowLongerThanOneMebibyteWithoutBufferingIt) {
  const std::string big(kMaxRowBytes + 10, 'x');
  {
    const auto rows = ReadAll("a,b\n1," + big + "\n2,3\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].issue, CsvIssue::kFieldTooLong);
    EXPECT_TRUE(rows[1].fields.empty());
    EXPECT_EQ(rows[2].fields, (Fields{"2", "3"}));
    EXPECT_EQ(rows[2].line, 3);
  }
  {
    const auto rows = ReadAll("1,\"" + big + "\"\n2,3\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].issue, CsvIssue::kFieldTooLong);
    EXPECT_EQ(rows[1].fields, (Fields{"2", "3"}));
  }
  {
    std::string many;
    for (int i = 0; i < 300000; ++i) many += "abcd,";
    const auto rows = ReadAll(many + "\nx\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].issue, CsvIssue::kRowTooLong);
    EXPECT_EQ(rows[1].fields, (Fields{"x"}));
  }
}

TEST(CsvReader, KeepsOnlyMaxFieldsViewsButCountsAll) {
  CsvReader reader("a,b,c,d\n", 1, 2);
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.fields.size(), 2u);
  EXPECT_EQ(row.field_count, 4u);
}

// Rows without quotes, of random widths and lengths (so delimiters fall at
// every place of the sixteen- and eight-byte steps, and a row may have more
// or fewer fields than the one before), against a plain split.
TEST(CsvReader, SplitsRandomUnquotedRowsLikeAPlainSplit) {
  uint64_t seed = 42;
  auto next = [&seed](uint64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % bound;
  };
  for (size_t max_fields : {size_t{1}, size_t{3}, size_t{40}, size_t{4096}}) {
    std::string text;
    std::vector<Fields> expected;
    for (int r = 0; r < 300; ++r) {
      Fields fields(1 + next(r % 7 == 0 ? 60 : 14));
      for (std::string& f : fields) {
        const uint64_t len = next(5) == 0 ? next(40) : next(6);
        for (uint64_t k = 0; k < len; ++k) f.push_back("ab9\xE4-"[next(5)]);
      }
      for (size_t k = 0; k < fields.size(); ++k) text += (k ? "," : "") + fields[k];
      text += next(4) == 0 ? "\r\n" : "\n";
      if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line: not a row
      expected.push_back(fields);
    }
    CsvReader reader(text, 1, max_fields);
    CsvRow row;
    for (const Fields& want : expected) {
      ASSERT_TRUE(reader.next(row));
      ASSERT_EQ(row.field_count, want.size());
      ASSERT_EQ(row.fields.size(), std::min(want.size(), max_fields));
      for (size_t k = 0; k < row.fields.size(); ++k) ASSERT_EQ(row.fields[k], want[k]) << k;
    }
    EXPECT_FALSE(reader.next(row));
  }
}

TEST(NextRowStart, SkipsLineBreaksInsideQuotes) {
  const std::string_view text = "a,\"x\ny\"\nb,c\n";
  EXPECT_EQ(next_row_start(text, 0, false), 8u);  // the break inside quotes does not count
  EXPECT_EQ(next_row_start(text, 4, true), 8u);
  EXPECT_EQ(next_row_start(text, 9, false), text.size());
  EXPECT_EQ(count_byte(text, '"'), 2u);
}

// count_byte sums sixteen-byte steps in byte counters flushed every 255
// steps: check it against a plain count across those boundaries.
TEST(CountByte, MatchesAPlainCountAtEveryLength) {
  std::string text;
  for (size_t i = 0; i < 16 * 255 * 3 + 37; ++i)
    text.push_back(i % 3 == 0 || i % 11 == 0 ? '\n' : 'a');
  text.replace(4000, 4080, 4080, '\n');  // a run long enough to fill a counter
  for (size_t len : {size_t{0}, size_t{15}, size_t{16}, size_t{17}, size_t{4080}, size_t{4096},
                     size_t{8160}, size_t{8161}, text.size()}) {
    const std::string_view piece(text.data(), len);
    size_t plain = 0;
    for (char c : piece) plain += c == '\n' ? 1 : 0;
    EXPECT_EQ(count_byte(piece, '\n'), plain) << len;
  }
}

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII text that is longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("白云区 2019年3月5日 \xF0\x9F\x98\x80 \xC2\xA9"));
}

TEST(Utf8, RejectsMalformedText) {
  size_t at = 0;
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xD6\xD0", &at));  // GBK 中
  EXPECT_EQ(at, 8u);
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));          // cut short
}

// reference_utf8_end is the first byte that does not begin a well-formed
// sequence (Unicode 15, table 3-7), one character at a time: the plain
// reading the fast validator must agree with.
size_t reference_utf8_end(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = s[i];
    size_t len = 1;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > text.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char b = s[i + k];
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += len;
  }
  return i;
}

TEST(Utf8, AgreesWithAPlainDecoderOnMixedText) {
  // Rows as exports have them: ASCII runs, Chinese runs, now and then a
  // stray GBK byte, a cut sequence or another bad byte, at every offset.
  // E0 and ED leads, good and bad, among runs of Chinese: the validator takes
  // runs two characters at a time but leaves those leads to its general path.
  const std::vector<std::string> pieces = {"TJ0000000002,",
                                           "370907",
                                           ",",
                                           "劳动争议",
                                           "损害赔偿",
                                           "2019-03-18",
                                           "\n",
                                           "\xC2\xA9",
                                           "\xF0\x9F\x98\x80",
                                           "\xD6\xD0",
                                           "\xE4\xB8",
                                           "\xED\xA0\x80",
                                           "\xFF",
                                           "\xE0\x80\x80",
                                           "abcdefghijklmnopq",
                                           "中",
                                           "\xE0\xA4\x85",
                                           "\xED\x9F\xBF"};
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t count = next() % 12;
    for (size_t k = 0; k < count; ++k) {
      // Bad pieces (index 9 to 13) one time in four.
      size_t pick = next() % pieces.size();
      if (pick >= 9 && pick <= 13 && next() % 4 != 0) pick = 0;
      text += pieces[pick];
    }
    const size_t expected = reference_utf8_end(text);
    size_t at = 0;
    ASSERT_EQ(is_valid_utf8(text, &at), expected == text.size()) << text;
    if (expected < text.size()) {
      ASSERT_EQ(at, expected) << text;
    }
  }
}

// Every sequence of up to four bytes that matters to the tables (every
// first byte; second, third and fourth bytes at the edges of their ranges),
// in ASCII text at each place around the 32-byte steps of the AVX2
// validator and at the very end of the text: the answer and the first bad
// byte are the plain decoder's.
TEST(Utf8, EveryShortSequenceAtEveryBlockEdge) {
  const unsigned char seconds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF};
  const unsigned char thirds[] = {0x41, 0x80, 0xBF, 0xC0};
  const unsigned char fourths[] = {0x41, 0x80, 0xBF};
  size_t checked = 0;
  for (int first = 0; first < 256; ++first) {
    for (const unsigned char second : seconds) {
      for (const unsigned char third : thirds) {
        for (const unsigned char fourth : fourths) {
          const std::string seq = {static_cast<char>(first), static_cast<char>(second), static_cast<char>(third),
                                   static_cast<char>(fourth)};
          for (size_t len = 1; len <= 4; ++len) {
            for (const size_t at : {0, 29, 30, 31, 32, 33, 61, 62, 63}) {
              for (const size_t size : {at + len, size_t{96}}) {
                std::string text(size, 'a');
                text.replace(at, len, seq.substr(0, len));
                size_t bad = 0;
                const size_t expected = reference_utf8_end(text);
                ASSERT_EQ(is_valid_utf8(text, &bad), expected == text.size()) << first << " " << len << " " << at;
                if (expected < text.size()) {
                  ASSERT_EQ(bad, expected);
                }
                ++checked;
              }
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, size_t{256} * 12 * 4 * 3 * 4 * 9 * 2);
}

TEST(Gb18030, ConvertsThroughIconv) {
  // 中文 in GBK, then € (A2 E3 in GB18030).
  absl::StatusOr<std::string> utf8 = gb18030_to_utf8("\xD6\xD0\xCE\xC4,\xA2\xE3\n", 1);
  ASSERT_TRUE(utf8.ok()) << utf8.status();
  EXPECT_EQ(*utf8, "中文,€\n");
}

TEST(Gb18030, ConvertsLargeTextInPiecesTheSameWay) {
  std::string gbk, expected;
  for (int i = 0; i < 200000; ++i) {
    gbk += "\xB0\xD7\xD4\xC6\xC7\xF8,12345\n";  // 白云区
    expected += "白云区,12345\n";
  }
  absl::StatusOr<std::string> utf8 = gb18030_to_utf8(gbk, 4);
  ASSERT_TRUE(utf8.ok()) << utf8.status();
  EXPECT_EQ(*utf8, expected);
}

TEST(Gb18030, NamesTheOffsetOfABadSequence) {
  size_t bad = 0;
  absl::StatusOr<std::string> utf8 = gb18030_to_utf8("ab\n\xFF\xFF", 1, &bad);
  EXPECT_FALSE(utf8.ok());
  EXPECT_EQ(bad, 3u);
}

}  // namespace
}  // namespace fazhi::internal
