#include "tlsoptionspanel.h"

#include "presentermode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace SockPlay {

TlsOptionsPanel::TlsOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side, QWidget *parent)
    : QGroupBox(tr("TLS"), parent)
    , m_role(role)
    , m_prefix(objectNamePrefix)
{
    const bool server = role == Role::Server;
    setObjectName(m_prefix + QLatin1String("TlsOptions"));
    setAccessibleName(tr("%1 TLS settings").arg(side));
    m_grid = new QGridLayout(this);

    m_identityCombo = new QComboBox(this);
    m_identityCombo->setObjectName(m_prefix + QLatin1String("TlsIdentityCombo"));
    m_identityCombo->setAccessibleName(tr("%1 TLS certificate").arg(side));
    if (server) {
        m_identityCombo->addItem(tr("Self-signed, made at Start"), int(Identity::SelfSigned));
        m_identityCombo->setToolTip(tr("What the server proves itself with. Self-signed: a certificate for the "
                                       "listening address, made at Start (EC P-256, 30 days); clients must "
                                       "trust it or not verify."));
    } else {
        m_identityCombo->addItem(tr("No client certificate"), int(Identity::None));
        m_identityCombo->setToolTip(tr("A certificate to present, for servers that ask clients for one."));
    }
    m_identityCombo->addItem(tr("PEM certificate and key files"), int(Identity::Pem));
    m_identityCombo->addItem(tr("PKCS#12 file (.p12, .pfx)"), int(Identity::Pkcs12));
    auto *identityLabel = new QLabel(server ? tr("Certificate") : tr("Client certificate"), this);
    identityLabel->setBuddy(m_identityCombo);
    m_grid->addWidget(identityLabel, 0, 0);
    m_grid->addWidget(m_identityCombo, 0, 1, 1, 2, Qt::AlignLeft);
    m_rows.resize(1);

    const QString pem = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    m_certRow = int(m_rows.size());
    m_certEdit = addFileRow(m_certRow, tr("Certificate file"), "TlsCert", tr("%1 TLS certificate file").arg(side), pem);
    m_keyRow = int(m_rows.size());
    m_keyEdit = addFileRow(m_keyRow, tr("Key file"), "TlsKey", tr("%1 TLS private key file").arg(side), pem);
    m_pkcs12Row = int(m_rows.size());
    m_pkcs12Edit = addFileRow(m_pkcs12Row, tr("PKCS#12 file"), "TlsPkcs12", tr("%1 TLS PKCS#12 file").arg(side),
                              tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"));

    m_passphraseRow = int(m_rows.size());
    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(m_prefix + QLatin1String("TlsPassphraseEdit"));
    m_passphraseEdit->setAccessibleName(tr("%1 TLS passphrase").arg(side));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setPlaceholderText(tr("none"));
    m_passphraseEdit->setToolTip(tr("The passphrase of the PKCS#12 file or of an encrypted key"));
    auto *passphraseLabel = new QLabel(tr("Passphrase"), this);
    passphraseLabel->setBuddy(m_passphraseEdit);
    m_grid->addWidget(passphraseLabel, m_passphraseRow, 0);
    m_grid->addWidget(m_passphraseEdit, m_passphraseRow, 1, 1, 2);
    m_rows.append(QList<QWidget *>{passphraseLabel, m_passphraseEdit});

    m_verifyCheck = new QCheckBox(server ? tr("Ask clients for a certificate, refuse those without a valid one")
                                         : tr("&Verify the server's certificate"),
                                  this);
    m_verifyCheck->setObjectName(m_prefix + QLatin1String("TlsVerifyCheck"));
    m_verifyCheck->setAccessibleName(server ? tr("%1 TLS verify clients").arg(side)
                                            : tr("%1 TLS verify server").arg(side));
    m_verifyCheck->setToolTip(server ? tr("Mutual TLS: each client must present a certificate the CA below "
                                          "(or the system's CAs) vouches for.")
                                     : tr("Check the server's chain and name. Off: each problem is still "
                                          "logged, as a note, and the connection goes on (a self-signed "
                                          "server fails verification unless its certificate is the CA)."));
    m_verifyCheck->setChecked(!server);
    const int verifyRow = int(m_rows.size());
    m_grid->addWidget(m_verifyCheck, verifyRow, 0, 1, 3);
    m_rows.append(QList<QWidget *>{});

    const int caRow = int(m_rows.size());
    m_caEdit = addFileRow(caRow, tr("Trusted CA"), "TlsCa", tr("%1 TLS trusted CA file").arg(side), pem);
    m_caEdit->setPlaceholderText(tr("the system's CAs"));
    m_caEdit->setToolTip(server ? tr("PEM certificates that vouch for client certificates")
                                : tr("PEM certificates to trust instead of the system's: the server's CA, or "
                                     "its self-signed certificate"));

    int row = int(m_rows.size());
    if (!server) {
        m_sniEdit = new QLineEdit(this);
        m_sniEdit->setObjectName(m_prefix + QLatin1String("TlsSniEdit"));
        m_sniEdit->setAccessibleName(tr("%1 TLS server name (SNI)").arg(side));
        m_sniEdit->setPlaceholderText(tr("the host"));
        m_sniEdit->setToolTip(tr("The name sent in the handshake (SNI) and looked for in the certificate"));
        auto *sniLabel = new QLabel(tr("Server name (SNI)"), this);
        sniLabel->setBuddy(m_sniEdit);
        m_grid->addWidget(sniLabel, row, 0);
        m_grid->addWidget(m_sniEdit, row, 1, 1, 2);
        m_rows.append(QList<QWidget *>{sniLabel, m_sniEdit});
        PresenterMode::markAdvanced(sniLabel);
        PresenterMode::markAdvanced(m_sniEdit);
        ++row;
    }
    m_alpnEdit = new QLineEdit(this);
    m_alpnEdit->setObjectName(m_prefix + QLatin1String("TlsAlpnEdit"));
    m_alpnEdit->setAccessibleName(tr("%1 TLS ALPN protocols").arg(side));
    m_alpnEdit->setPlaceholderText(QStringLiteral("h2,http/1.1"));
    m_alpnEdit->setToolTip(server ? tr("Application protocols accepted (ALPN), in order of preference")
                                  : tr("Application protocols offered (ALPN), in order of preference; the log "
                                       "says which one the server chose"));
    auto *alpnLabel = new QLabel(tr("ALPN"), this);
    alpnLabel->setBuddy(m_alpnEdit);
    m_grid->addWidget(alpnLabel, row, 0);
    m_grid->addWidget(m_alpnEdit, row, 1, 1, 2);
    m_rows.append(QList<QWidget *>{alpnLabel, m_alpnEdit});
    for (QWidget *advanced : {static_cast<QWidget *>(alpnLabel), static_cast<QWidget *>(m_alpnEdit)})
        PresenterMode::markAdvanced(advanced);
    for (QWidget *advanced : std::as_const(m_rows[caRow]))
        PresenterMode::markAdvanced(advanced);
    m_grid->setColumnStretch(1, 1);

    connect(m_identityCombo, &QComboBox::currentIndexChanged, this, &TlsOptionsPanel::updateRows);
    updateRows();
}

QLineEdit *TlsOptionsPanel::addFileRow(int row, const QString &label, const char *suffix, const QString &accessible,
                                       const QString &filter)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(m_prefix + QLatin1String(suffix) + QLatin1String("Edit"));
    edit->setAccessibleName(accessible);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(m_prefix + QLatin1String(suffix) + QLatin1String("Browse"));
    browse->setAccessibleName(tr("Choose %1").arg(accessible));
    browse->setAutoDefault(false);
    auto *text = new QLabel(label, this);
    text->setBuddy(edit);
    m_grid->addWidget(text, row, 0);
    m_grid->addWidget(edit, row, 1);
    m_grid->addWidget(browse, row, 2);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        const QString path = QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    m_rows.append(QList<QWidget *>{text, edit, browse});
    return edit;
}

void TlsOptionsPanel::updateRows()
{
    const auto identity = Identity(m_identityCombo->currentData().toInt());
    const auto showRow = [this](int row, bool shown) {
        for (QWidget *widget : std::as_const(m_rows[row]))
            widget->setVisible(shown);
    };
    showRow(m_certRow, identity == Identity::Pem);
    showRow(m_keyRow, identity == Identity::Pem);
    showRow(m_pkcs12Row, identity == Identity::Pkcs12);
    showRow(m_passphraseRow, identity == Identity::Pem || identity == Identity::Pkcs12);
}

TlsSpec TlsOptionsPanel::spec() const
{
    TlsSpec spec;
    const auto identity = Identity(m_identityCombo->currentData().toInt());
    spec.selfSigned = identity == Identity::SelfSigned;
    if (identity == Identity::Pem) {
        spec.certificateFile = m_certEdit->text().trimmed();
        spec.keyFile = m_keyEdit->text().trimmed();
    } else if (identity == Identity::Pkcs12) {
        spec.pkcs12File = m_pkcs12Edit->text().trimmed();
    }
    if (identity == Identity::Pem || identity == Identity::Pkcs12)
        spec.passphrase = m_passphraseEdit->text();
    spec.verifyPeer = m_verifyCheck->isChecked();
    spec.caFile = m_caEdit->text().trimmed();
    if (m_sniEdit)
        spec.serverName = m_sniEdit->text().trimmed();
    QString error;
    if (const QString alpn = m_alpnEdit->text().trimmed(); !alpn.isEmpty()) {
        if (const std::optional<QStringList> names = TlsSpec::parseAlpn(alpn, &error))
            spec.alpn = *names;
    }
    return spec;
}

QString TlsOptionsPanel::problem() const
{
    const auto identity = Identity(m_identityCombo->currentData().toInt());
    if (identity == Identity::Pem && m_certEdit->text().trimmed().isEmpty())
        return tr("TLS: choose the certificate file (PEM), or another kind of certificate.");
    if (identity == Identity::Pem && m_keyEdit->text().trimmed().isEmpty())
        return tr("TLS: choose the certificate's key file (PEM).");
    if (identity == Identity::Pkcs12 && m_pkcs12Edit->text().trimmed().isEmpty())
        return tr("TLS: choose the PKCS#12 file, or another kind of certificate.");
    QString error;
    if (const QString alpn = m_alpnEdit->text().trimmed(); !alpn.isEmpty() && !TlsSpec::parseAlpn(alpn, &error))
        return tr("TLS: the ALPN list is not valid: %1").arg(error);
    return {};
}

void TlsOptionsPanel::setSpec(const TlsSpec &spec)
{
    Identity identity = m_role == Role::Server ? Identity::SelfSigned : Identity::None;
    if (!spec.pkcs12File.isEmpty())
        identity = Identity::Pkcs12;
    else if (!spec.certificateFile.isEmpty() || !spec.keyFile.isEmpty())
        identity = Identity::Pem;
    m_identityCombo->setCurrentIndex(qMax(0, m_identityCombo->findData(int(identity))));
    m_certEdit->setText(spec.certificateFile);
    m_keyEdit->setText(spec.keyFile);
    m_pkcs12Edit->setText(spec.pkcs12File);
    m_passphraseEdit->setText(spec.passphrase);
    m_verifyCheck->setChecked(spec.verifyPeer);
    m_caEdit->setText(spec.caFile);
    if (m_sniEdit)
        m_sniEdit->setText(spec.serverName);
    m_alpnEdit->setText(spec.alpn.join(QLatin1Char(',')));
    updateRows();
}

} // namespace SockPlay
