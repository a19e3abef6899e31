#include "aboutdialog.h"

#include "version.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace SockPlay {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setAccessibleName(tr("About SockPlay"));
    setWindowTitle(tr("About SockPlay"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setAccessibleName(tr("SockPlay icon"));
    const int side = fontMetrics().height() * 5;
    icon->setPixmap(QIcon(QStringLiteral(":/sockplay/sockplay.svg")).pixmap(side, side));

    auto *title = new QLabel(tr("SockPlay %1").arg(QStringLiteral(SOCKPLAY_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setAccessibleName(tr("Program and version"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setAccessibleName(tr("About SockPlay"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);
    text->setText(
        tr("<p>A socket playground: TCP and UDP servers and clients in one window, with a live log.</p>")
        + tr("<p>Qt %1 (built with Qt %2), on %3.</p>")
              .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                   QSysInfo::prettyProductName().toHtmlEscaped())
        + tr("<p>This program is free software: you can redistribute it and/or modify it under the terms of "
             "the GNU General Public License, version 3 or (at your option) any later version. It comes with "
             "ABSOLUTELY NO WARRANTY. See <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"
             "https://www.gnu.org/licenses/gpl-3.0.html</a>.</p>"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    buttons->setAccessibleName(tr("About dialog buttons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("aboutCloseButton"));
    close->setAccessibleName(tr("Close"));
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    aboutQt->setAccessibleName(tr("About Qt"));
    connect(aboutQt, &QPushButton::clicked, this, [this] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *words = new QVBoxLayout;
    words->addWidget(title);
    words->addWidget(text);
    words->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(words, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    // Wide enough for the licence in a few lines, never wider than the window.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    close->setDefault(true);
    close->setFocus();
}

} // namespace SockPlay
