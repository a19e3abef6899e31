// OpenSSL's libcrypto, loaded the first time SockPlay itself calls it.
//
// Only making a self-signed certificate and checking that a key belongs to a
// certificate call OpenSSL directly (Qt has no API for either); Qt's TLS
// backend loads the same library for a handshake. Linking it would load and
// relocate it in every run — a plain `sockplay-cli tcp-connect` and every
// window start — where it is the largest library after Qt's own (bench/:
// the startup section). So it is opened on first use, by its soname, and its
// functions are reached through CryptoLibrary's pointers, typed by the
// OpenSSL headers themselves.
#pragma once

#include <QString>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace SockPlay {

// Every libcrypto function SockPlay calls. A function added here is found
// when the library loads, or the library counts as missing.
#define SOCKPLAY_CRYPTO_FUNCTIONS(F)                                                                           \
    F(BIO_ctrl) F(BIO_free) F(BIO_new) F(BIO_new_mem_buf) F(BIO_s_mem) F(BN_free) F(BN_new) F(BN_rand)         \
    F(BN_to_ASN1_INTEGER) F(ERR_clear_error) F(ERR_error_string_n) F(ERR_get_error) F(EVP_PKEY_Q_keygen)       \
    F(EVP_PKEY_free) F(EVP_sha256) F(PEM_read_bio_PrivateKey) F(PEM_read_bio_X509) F(PEM_write_bio_PrivateKey) \
    F(PEM_write_bio_X509) F(X509V3_EXT_conf_nid) F(X509V3_set_ctx) F(X509_EXTENSION_free) F(X509_NAME_add_entry_by_txt) \
    F(X509_add_ext) F(X509_check_private_key) F(X509_free) F(X509_get_serialNumber) F(X509_get_subject_name)   \
    F(X509_getm_notAfter) F(X509_getm_notBefore) F(X509_gmtime_adj) F(X509_new) F(X509_set_issuer_name)       \
    F(X509_set_pubkey) F(X509_set_version) F(X509_sign)

struct CryptoLibrary
{
#define SOCKPLAY_CRYPTO_POINTER(name) decltype(&::name) name = nullptr;
    SOCKPLAY_CRYPTO_FUNCTIONS(SOCKPLAY_CRYPTO_POINTER)
#undef SOCKPLAY_CRYPTO_POINTER

    /// The library, loaded on the first call (from any thread); nullptr and
    /// the loader's reason in *error when it cannot be loaded.
    static const CryptoLibrary *get(QString *error);

    /// OPENSSL_thread_stop() for the calling thread, if libcrypto is in the
    /// process at all (loaded by SockPlay or by Qt's TLS backend); otherwise
    /// nothing: no thread of this process has OpenSSL state to free.
    static void stopThread();
};

} // namespace SockPlay
