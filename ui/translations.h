#pragma once
// The window's language: SockPlay's own translation (embedded under :/i18n)
// and Qt's for its standard dialogs, chosen from the user's languages.

#include "event.h"

#include <QString>

class QCoreApplication;
class QLocale;

namespace SockPlay {

/// What installTranslations() put in place.
struct InstalledTranslations
{
    /// The translation loaded, as its file is named: "de", "zh_CN"; empty
    /// for English (the source language: no translator at all).
    QString language;
    /// Whether Qt's own qtbase translation for that language was found too.
    bool qt = false;
};

/// Installs the translation for the first of @p locale's UI languages
/// (QLocale::uiLanguages(), so LANGUAGE=de:en works) that SockPlay has, plus
/// Qt's qtbase translation for the same language from
/// QLibraryInfo::TranslationsPath when present, and sets the application's
/// layout direction from it. An English language earlier in the list wins
/// over a translation later in it. Any translators a previous call installed
/// are removed first, so a second call switches the language.
InstalledTranslations installTranslations(QCoreApplication &app, const QLocale &locale);

/// An event kind's name as the window shows it: eventKindName() (which
/// stays English for exports and the CLI) in the user's language.
QString eventKindText(EventKind kind);

} // namespace SockPlay
