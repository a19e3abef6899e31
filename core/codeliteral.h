#pragma once

#include <QByteArray>
#include <QString>

namespace SockPlay {

/// Bytes and text written as literals of the languages SockPlay generates
/// programs in, so that what the program sends is exactly what the user
/// typed: quotes, backslashes, line breaks, control bytes, non-ASCII text
/// and bytes that are not UTF-8 at all. Printable non-ASCII text stays as it
/// is ("ü", not "\xc3\xbc"): the programs are read by students.
namespace CodeLiteral {

/// Python bytes: b"..." for ASCII (as the tutorials write it),
/// "...".encode("utf-8") for other UTF-8 text, b"\x.." for bytes that are not UTF-8.
QString pythonBytes(const QByteArray &bytes);
/// A Python str: "...".
QString pythonString(const QString &text);
/// A Go interpreted string literal "..." (Go strings hold any bytes).
QString goString(const QByteArray &bytes);
/// What goes between QByteArray's parentheses: "..." (octal escapes for
/// control bytes and bytes that are not UTF-8), followed by the size when
/// the bytes hold a NUL (the literal would stop there otherwise).
QString cppByteArrayArguments(const QByteArray &bytes);
/// A C++ UTF-16 literal for QStringLiteral: u"..." without the u, i.e. "...".
QString cppString(const QString &text);

} // namespace CodeLiteral

} // namespace SockPlay
