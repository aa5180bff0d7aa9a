package dev.artmint.market;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;

/** A price in wei as a decimal string: a positive integer that fits ArtMarket's uint96 prices. */
@Documented
@Constraint(validatedBy = Wei.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Wei {

    /** 2^96 - 1, the highest price ArtMarket can hold. */
    BigInteger MAX = BigInteger.TWO.pow(96).subtract(BigInteger.ONE);

    String message() default
            "must be a decimal string of a whole number of wei from 1 to 79228162514264337593543950335 (2^96 - 1)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (left to @NotNull) and digit strings between 1 and {@link #MAX}. */
    class Validator implements ConstraintValidator<Wei, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.matches("[0-9]{1,30}")) {
                return false;
            }
            BigInteger wei = new BigInteger(value);
            return wei.signum() > 0 && wei.compareTo(MAX) <= 0;
        }
    }
}
