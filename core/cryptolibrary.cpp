#include "cryptolibrary.h"

#include <QLibrary>

#include <openssl/crypto.h>
#include <openssl/opensslv.h>

#include <optional>

#ifdef Q_OS_UNIX
#include <dlfcn.h>
#endif

namespace SockPlay {

namespace {

struct Loaded
{
    std::optional<CryptoLibrary> functions;
    QString error;
};

Loaded load()
{
    // The soname the headers were written for: libcrypto.so.3.
    QLibrary library(QStringLiteral("crypto"), OPENSSL_VERSION_MAJOR);
    if (!library.load())
        return {std::nullopt, QStringLiteral("cannot load OpenSSL's libcrypto: %1").arg(library.errorString())};
    CryptoLibrary functions;
#define SOCKPLAY_CRYPTO_RESOLVE(name)                                                                          \
    functions.name = reinterpret_cast<decltype(&::name)>(library.resolve(#name));                              \
    if (!functions.name)                                                                                       \
        return {std::nullopt, QStringLiteral("OpenSSL's libcrypto has no %1").arg(QLatin1String(#name))};
    SOCKPLAY_CRYPTO_FUNCTIONS(SOCKPLAY_CRYPTO_RESOLVE)
#undef SOCKPLAY_CRYPTO_RESOLVE
    return {functions, {}}; // the library stays loaded: QLibrary unloads only when asked to
}

} // namespace

const CryptoLibrary *CryptoLibrary::get(QString *error)
{
    static const Loaded loaded = load();
    if (!loaded.functions && error)
        *error = loaded.error;
    return loaded.functions ? &*loaded.functions : nullptr;
}

void CryptoLibrary::stopThread()
{
#ifdef Q_OS_UNIX
    // RTLD_NOLOAD: a handle only if the library is already in the process.
    const QByteArray soname = "libcrypto.so." + QByteArray::number(OPENSSL_VERSION_MAJOR);
    void *handle = ::dlopen(soname.constData(), RTLD_LAZY | RTLD_NOLOAD);
    if (!handle)
        return;
    if (const auto stop = reinterpret_cast<decltype(&::OPENSSL_thread_stop)>(::dlsym(handle, "OPENSSL_thread_stop")))
        stop();
    ::dlclose(handle); // NOLOAD took a reference: give it back
#endif
}

} // namespace SockPlay
