#pragma once

#include "endpointtypes.h"
#include "tlsspec.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace SockPlay {

/// A TLS pane's settings, under a "TLS" frame: what the endpoint proves
/// itself with and how it checks its peer (TlsSpec).
///
/// Server: the certificate (self-signed, made at Start, one click; PEM
/// certificate and key; or PKCS#12), whether to ask clients for a
/// certificate, the CA that vouches for them, ALPN. Client: whether to
/// verify the server, the CA, SNI, ALPN, and an optional client certificate.
///
/// Children are named <prefix>TlsIdentityCombo, <prefix>TlsCertEdit,
/// <prefix>TlsKeyEdit, <prefix>TlsPkcs12Edit (each with a …Browse button),
/// <prefix>TlsPassphraseEdit, <prefix>TlsVerifyCheck, <prefix>TlsCaEdit
/// (and …Browse), <prefix>TlsSniEdit (client), <prefix>TlsAlpnEdit.
class TlsOptionsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsOptionsPanel)
public:
    /// objectNamePrefix ("server", "client2") names the children; side
    /// ("Server") starts their accessible names.
    TlsOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side, QWidget *parent = nullptr);

    /// What the fields describe (a bad ALPN list is left out: see problem()).
    TlsSpec spec() const;
    /// Why Start would fail with these fields ("the ALPN name … is too long",
    /// "a certificate needs its key"); empty when they fit together.
    QString problem() const;
    /// Shows a spec (a session opened).
    void setSpec(const TlsSpec &spec);

private:
    /// What proves who this side is; a client may present nothing.
    enum class Identity { None, SelfSigned, Pem, Pkcs12 };

    QLineEdit *addFileRow(int row, const QString &label, const char *suffix, const QString &accessible,
                          const QString &filter);
    void updateRows();

    const Role m_role;
    const QString m_prefix;
    QGridLayout *m_grid = nullptr;
    QComboBox *m_identityCombo = nullptr;
    QLineEdit *m_certEdit = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QLineEdit *m_pkcs12Edit = nullptr;
    QLineEdit *m_passphraseEdit = nullptr;
    QCheckBox *m_verifyCheck = nullptr;
    QLineEdit *m_caEdit = nullptr;
    QLineEdit *m_sniEdit = nullptr;
    QLineEdit *m_alpnEdit = nullptr;
    /// Rows shown only for some identities: the row's widgets by row.
    QList<QList<QWidget *>> m_rows;
    int m_certRow = -1;
    int m_keyRow = -1;
    int m_pkcs12Row = -1;
    int m_passphraseRow = -1;
};

} // namespace SockPlay
