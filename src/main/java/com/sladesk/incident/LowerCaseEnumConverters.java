package com.sladesk.incident;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Environment, impact and cause are stored as their lower-case API values. */
final class LowerCaseEnumConverters {

    private LowerCaseEnumConverters() {
    }

    @Converter(autoApply = true)
    static class EnvironmentConverter implements AttributeConverter<Environment, String> {
        @Override
        public String convertToDatabaseColumn(Environment value) {
            return value == null ? null : value.value();
        }

        @Override
        public Environment convertToEntityAttribute(String value) {
            return value == null ? null : Environment.valueOf(value.toUpperCase());
        }
    }

    @Converter(autoApply = true)
    static class ImpactConverter implements AttributeConverter<Impact, String> {
        @Override
        public String convertToDatabaseColumn(Impact value) {
            return value == null ? null : value.value();
        }

        @Override
        public Impact convertToEntityAttribute(String value) {
            return value == null ? null : Impact.valueOf(value.toUpperCase());
        }
    }

    @Converter(autoApply = true)
    static class CauseConverter implements AttributeConverter<Cause, String> {
        @Override
        public String convertToDatabaseColumn(Cause value) {
            return value == null ? null : value.value();
        }

        @Override
        public Cause convertToEntityAttribute(String value) {
            return value == null ? null : Cause.valueOf(value.toUpperCase());
        }
    }
}
