#pragma once
// What the fuzz targets share: a check that aborts (libFuzzer reports an
// abort as a crash and keeps the input), and the input cut into pieces.

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

/// A property that must hold for every input: when it does not, libFuzzer
/// (or the regression driver) stops on this input.
#define FUZZ_CHECK(condition)                                                                  \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (0)

namespace SockPlay::Fuzz {

/// The input as bytes (no copy).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Splits the input at its first newline: a short "header" (a spec, a mode)
/// and the rest. No newline: everything is the header.
inline void splitHeader(const QByteArray &input, QByteArray *header, QByteArray *rest)
{
    const qsizetype newline = input.indexOf('\n');
    *header = newline < 0 ? input : input.left(newline);
    *rest = newline < 0 ? QByteArray() : input.mid(newline + 1);
}

} // namespace SockPlay::Fuzz
