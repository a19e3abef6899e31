#include "translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace SockPlay {

namespace {

const auto OwnName = QLatin1String("sockplayTranslator");
const auto QtName = QLatin1String("qtTranslator");

// Translators read this as "LTR" or "RTL": the direction their language is
// written in (Qt's own convention, QGuiApplication reads the same key).
const char *const LayoutDirectionKey = QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION");

void removePrevious(QCoreApplication &app)
{
    for (QTranslator *translator : app.findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        if (translator->objectName() == OwnName || translator->objectName() == QtName) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
}

// The translator for the first UI language that is English (none) or that
// SockPlay has a translation for.
QTranslator *loadOwn(QCoreApplication &app, const QLocale &locale)
{
    auto *translator = new QTranslator(&app);
    translator->setObjectName(OwnName);
    for (const QString &name : locale.uiLanguages()) {
        const QLocale language(name);
        if (language.language() == QLocale::English || language.language() == QLocale::C)
            break;
        // load() tries "de_AT" and then "de", the way the .qm files are named.
        if (translator->load(language, QStringLiteral("sockplay"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            return translator;
    }
    delete translator;
    return nullptr;
}

} // namespace

InstalledTranslations installTranslations(QCoreApplication &app, const QLocale &locale)
{
    removePrevious(app);
    InstalledTranslations installed;
    QTranslator *own = loadOwn(app, locale);
    if (!own) {
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        return installed;
    }
    QCoreApplication::installTranslator(own);
    // The language as the file loaded names it: "de" for a de_AT user.
    const QString file = own->filePath().section(QLatin1Char('/'), -1);
    installed.language = file.mid(file.indexOf(QLatin1Char('_')) + 1).section(QLatin1Char('.'), 0, 0);

    // Qt's own strings (the buttons of a QMessageBox or QFileDialog) in the
    // same language as ours, so a dialog is not half translated.
    auto *qt = new QTranslator(&app);
    qt->setObjectName(QtName);
    if (qt->load(QLocale(installed.language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed.qt = true;
    } else {
        delete qt;
    }

    const bool rightToLeft = own->translate("QGuiApplication", LayoutDirectionKey) == QLatin1String("RTL");
    QGuiApplication::setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    return installed;
}

QString eventKindText(EventKind kind)
{
    return QCoreApplication::translate("SockPlay::EventKind", eventKindName(kind).toLatin1().constData());
}

} // namespace SockPlay
