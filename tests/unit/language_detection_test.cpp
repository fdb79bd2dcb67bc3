#include "text/language_detection.hpp"

#include <gtest/gtest.h>

using atk::text::detect_languages;

TEST(LanguageDetection, RecognisesTheFourSpecLanguages) {
    const std::pair<const char*, const char*> samples[] = {
        {"en", "The system shall send an invoice to the customer when the order has been shipped "
               "and the payment has been received."},
        {"fr", "Le système doit envoyer une facture au client lorsque la commande a été expédiée "
               "et que le paiement a été reçu."},
        {"es", "El sistema debe enviar una factura al cliente cuando el pedido haya sido enviado "
               "y el pago haya sido recibido."},
        {"de", "Das System muss dem Kunden eine Rechnung senden, wenn die Bestellung versandt und "
               "die Zahlung eingegangen ist."},
    };
    for (const auto& [code, text] : samples) {
        const auto detected = detect_languages(text);
        ASSERT_FALSE(detected.empty()) << code;
        EXPECT_EQ(detected.front().code, code);
        EXPECT_GT(detected.front().confidence, 0.5);
    }
}

TEST(LanguageDetection, SaysNothingWhenThereIsNothingToGoOn) {
    EXPECT_TRUE(detect_languages("").empty());
    EXPECT_TRUE(detect_languages("1234 5678").empty());
}
