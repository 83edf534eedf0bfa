package io.partnerportal.testsupport.dataset;

import io.partnerportal.testsupport.dataset.PropertyModel.Amount;
import io.partnerportal.testsupport.dataset.PropertyModel.Choice;
import io.partnerportal.testsupport.dataset.PropertyModel.Choices;
import io.partnerportal.testsupport.dataset.PropertyModel.Flag;
import io.partnerportal.testsupport.dataset.PropertyModel.Moment;
import io.partnerportal.testsupport.dataset.PropertyModel.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The 60 properties of the reference dataset, 30 per level: the catalogue's built-in ones (system
 * fields such as {@code partner.name} and {@code contact.role}, portal properties such as
 * {@code partner.tier}) and 42 added ones that a CRM typically brings (country, industry, employee
 * count, specialisations, job title, certifications, ...), each with a realistic distribution:
 * skewed enums, log-normal amounts, mostly-recent dates, sparse text.
 */
public final class ReferenceCatalogue {

    static final String[] FIRST = {"Ann", "Ben", "Carla", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas",
        "Kai", "Lena", "Marco", "Nina", "Omar", "Paula", "Quentin", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wim",
        "Xenia", "Yusuf", "Zoe", "Aiko", "Bram", "Chloe", "Dmitri", "Elif", "Femke", "Giulia", "Hana", "Ivan", "Julia",
        "Kenji", "Laura", "Mateo", "Noor", "Olga", "Pedro", "Riya", "Sofia", "Tom", "Ugo", "Valentina", "Wei",
        "Yara", "Zeynep", "Lucas", "Mia", "Noah", "Emily", "Liam", "Sara", "Jan", "Eva", "Max", "Lea"};
    static final String[] LAST = {"Lee", "Smith", "Jansen", "Müller", "Garcia", "Rossi", "Dubois", "Novak", "Kowalski",
        "Silva", "Tanaka", "Kim", "Nguyen", "Patel", "Okafor", "Andersson", "Nielsen", "de Vries", "Bakker", "Fischer",
        "Weber", "Martin", "Bernard", "Lopez", "Moreau", "Costa", "Ricci", "Sato", "Chen", "Wang", "Singh", "Khan",
        "Brown", "Taylor", "Wilson", "Evans", "Walker", "Hall", "Young", "King", "Wright", "Hill", "Green", "Baker",
        "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Edwards",
        "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers"};
    static final String[] COMPANY_A = {"North", "Blue", "Bright", "Silver", "Apex", "Nova", "Prime", "Iron", "Red",
        "Green", "Swift", "Clear", "Summit", "Atlas", "Orbit", "Pioneer", "Quantum", "Vertex", "Harbor", "Cedar",
        "Granite", "Falcon", "Aurora", "Zenith", "Delta", "Echo", "Polar", "Sun", "Oak", "River"};
    static final String[] COMPANY_B = {"wind", "stone", "path", "bridge", "field", "point", "gate", "line", "wave",
        "forge", "works", "logic", "soft", "data", "cloud", "net", "sys", "tech", "labs", "core"};
    static final String[] COMPANY_C = {"Solutions", "Systems", "Partners", "Consulting", "Networks", "IT", "Group",
        "Digital", "Services", "Integration", "GmbH", "BV", "Ltd", "Inc", "SAS", "AB"};
    static final String[] CITIES = {"New York", "San Francisco", "Chicago", "Austin", "Seattle", "Boston", "Denver",
        "Atlanta", "Toronto", "Vancouver", "Mexico City", "São Paulo", "Buenos Aires", "London", "Manchester",
        "Dublin", "Amsterdam", "Rotterdam", "Utrecht", "Brussels", "Antwerp", "Paris", "Lyon", "Berlin", "Munich",
        "Hamburg", "Frankfurt", "Zurich", "Vienna", "Milan", "Rome", "Madrid", "Barcelona", "Lisbon", "Stockholm",
        "Oslo", "Copenhagen", "Helsinki", "Warsaw", "Prague", "Budapest", "Istanbul", "Dubai", "Tel Aviv",
        "Johannesburg", "Lagos", "Nairobi", "Mumbai", "Bangalore", "Delhi", "Singapore", "Kuala Lumpur", "Jakarta",
        "Manila", "Bangkok", "Ho Chi Minh City", "Hong Kong", "Shanghai", "Tokyo", "Osaka", "Seoul", "Sydney",
        "Melbourne", "Auckland"};
    static final String[] TITLES = {"Account Executive", "Sales Manager", "Solutions Engineer", "Pre-Sales Consultant",
        "Marketing Manager", "Partner Manager", "CTO", "CEO", "Founder", "Technical Consultant", "Project Manager",
        "Support Engineer", "Sales Director", "VP Sales", "Alliance Manager", "Business Developer", "Architect",
        "Developer", "Operations Manager", "Customer Success Manager", "Office Manager", "Finance Manager",
        "Marketing Specialist", "Inside Sales Rep", "Regional Director"};
    static final String[] WORDS = {"renewal", "upsell", "pilot", "training", "onboarding", "escalation", "migration",
        "expansion", "workshop", "roadmap", "pricing", "contract", "integration", "event", "webinar", "budget",
        "quarterly", "review", "champion", "executive", "security", "compliance", "partner", "lead"};
    static final String[] COUNTRIES = {"us", "gb", "de", "fr", "nl", "ca", "au", "in", "br", "es", "it", "jp", "se",
        "be", "ch", "pl", "mx", "sg", "ie", "dk", "no", "fi", "at", "za", "ae", "il", "kr", "nz", "pt", "ar"};

    private ReferenceCatalogue() {
    }

    static String pick(SplittableRandom r, String[] pool) {
        return pool[r.nextInt(pool.length)];
    }

    /** A skewed pick: early entries of the pool are more likely. */
    static String skewed(SplittableRandom r, String[] pool) {
        return pool[(int) Math.floor(pool.length * Math.pow(r.nextDouble(), 2.2))];
    }

    static String companyName(SplittableRandom r) {
        return pick(r, COMPANY_A) + pick(r, COMPANY_B) + " " + pick(r, COMPANY_C);
    }

    static Function<SplittableRandom, String> users(String prefix, int count) {
        return r -> prefix + "-" + (1 + (int) Math.floor(count * Math.pow(r.nextDouble(), 1.5)));
    }

    static final Choice TIER = new Choice("partner", "tier", "Tier", "portal", true, false, 0.97,
            List.of("platinum", "gold", "silver", "bronze", "registered"), new double[]{2, 8, 20, 30, 40});
    static final Choice ONBOARDING = new Choice("partner", "onboarding_phase", "Onboarding phase", "portal", true,
            false, 0.95, List.of("prospecting", "signed_contract", "onboarding", "active"), new double[]{15, 10, 15, 60});
    static final Choice PORTAL_STATUS = new Choice("contact", "portal_status", "Portal status", "system", true, true,
            1.0, List.of("active", "invited", "disabled"), new double[]{55, 40, 5});
    static final Choice ROLE = new Choice("contact", "role", "Role", "system", true, true, 1.0,
            List.of("sales_rep", "solutions_engineer", "marketing", "admin", "partner_manager"),
            new double[]{60, 12, 12, 8, 8});
    static final Choice LANGUAGE = new Choice("contact", "language", "Language", "portal", true, false, 0.9,
            List.of("en", "de", "fr", "es", "nl", "it", "pt", "ja"), new double[]{60, 10, 8, 7, 5, 4, 3, 3});
    static final Moment PARTNER_CREATED = new Moment("partner", "created_at", "Created at", "datetime", "system", true,
            true, 1.0, 6 * 365, 0, 0.7);
    static final Moment CONTACT_CREATED = new Moment("contact", "created_at", "Created at", "datetime", "system", true,
            true, 1.0, 4 * 365, 0, 0.8);
    static final Moment LAST_LOGIN = new Moment("contact", "last_login", "Last login", "datetime", "system", true,
            true, 0.9, 365, 0, 2.5);

    /** Every property of both levels, built-in ones first. */
    public static List<PropertyModel> all() {
        List<PropertyModel> p = new ArrayList<>();
        // partner: system and built-in portal properties
        p.add(new Text("partner", "name", "Name", "string", "system", true, true, 1.0, ReferenceCatalogue::companyName));
        p.add(new Text("partner", "website", "Website", "url", "system", true, true, 0.9,
                r -> "https://" + companyName(r).toLowerCase().replaceAll("[^a-z]", "") + ".example"));
        p.add(PARTNER_CREATED);
        p.add(TIER);
        p.add(new Text("partner", "logo", "Logo", "url", "portal", true, false, 0.6,
                r -> "https://cdn.example/logos/" + Long.toHexString(r.nextLong() & 0xffffffffL) + ".png"));
        p.add(new Text("partner", "partner_manager", "Partner manager", "user", "portal", true, false, 0.9,
                users("pm", 40)));
        p.add(new Text("partner", "partner_champion", "Partner champion", "user", "portal", true, false, 0.5,
                users("pc", 120)));
        p.add(ONBOARDING);
        p.add(new Flag("partner", "certified", "Certified", "portal", true, 0.9, 0.35));
        // partner: CRM properties
        p.add(new Choice("partner", "type", "Partner type", "crm", false, false, 0.95,
                List.of("reseller", "referral", "msp", "system_integrator", "isv", "distributor"),
                new double[]{45, 20, 15, 10, 7, 3}));
        p.add(new Choice("partner", "country", "Country", "crm", false, false, 0.98, List.of(COUNTRIES),
                PropertyModel.zipf(COUNTRIES.length, 1.1)));
        p.add(new Choice("partner", "region", "Region", "crm", false, false, 0.9,
                List.of("north_america", "emea", "apac", "latam"), new double[]{45, 35, 15, 5}));
        p.add(new Choice("partner", "industry", "Industry", "crm", false, false, 0.85,
                List.of("technology", "financial_services", "healthcare", "manufacturing", "retail", "education",
                        "government", "telecom", "energy", "media", "logistics", "hospitality", "legal",
                        "real_estate", "nonprofit"), PropertyModel.zipf(15, 0.9)));
        p.add(new Amount("partner", "employee_count", "Employees", "crm", 0.95, Amount.logNormalInt(40, 1.4, 1)));
        p.add(new Amount("partner", "annual_revenue", "Annual revenue", "crm", 0.7,
                Amount.logNormalAmount(2_500_000, 1.6)));
        p.add(new Moment("partner", "signed_at", "Contract signed", "date", "crm", false, false, 0.6, 6 * 365, 0, 0.8));
        p.add(new Moment("partner", "renewal_date", "Renewal date", "date", "crm", false, false, 0.5, 90, 730, 1.0));
        p.add(new Moment("partner", "last_activity_at", "Last activity", "datetime", "crm", false, false, 0.8, 365, 0,
                2.0));
        p.add(new Amount("partner", "deal_count", "Deals", "crm", 0.9, Amount.skewedCount(400, 3.0)));
        p.add(new Amount("partner", "pipeline_value", "Pipeline value", "crm", 0.6,
                Amount.logNormalAmount(150_000, 1.5)));
        p.add(new Choices("partner", "specializations", "Specializations", "crm", 0.7,
                List.of("cloud", "security", "data", "ai", "networking", "devops", "iot", "erp"),
                new double[]{0.45, 0.3, 0.25, 0.15, 0.2, 0.12, 0.05, 0.08}));
        p.add(new Choices("partner", "programs", "Programs", "portal", 0.5,
                List.of("mdf", "co_sell", "marketplace", "training", "beta"), new double[]{0.3, 0.25, 0.15, 0.4, 0.05}));
        p.add(new Flag("partner", "mdf_eligible", "MDF eligible", "crm", false, 0.9, 0.3));
        p.add(new Flag("partner", "is_strategic", "Strategic", "portal", false, 0.95, 0.05));
        p.add(new Flag("partner", "has_nda", "NDA signed", "crm", false, 0.8, 0.4));
        p.add(new Text("partner", "account_owner", "Account owner", "user", "crm", false, false, 0.85,
                users("ao", 60)));
        p.add(new Text("partner", "city", "City", "string", "crm", false, false, 0.85, r -> skewed(r, CITIES)));
        p.add(new Text("partner", "crm_notes", "CRM notes", "string", "crm", false, false, 0.3,
                r -> pick(r, WORDS) + " " + pick(r, WORDS) + " " + pick(r, WORDS)));
        p.add(new Text("partner", "booking_url", "Booking link", "url", "crm", false, false, 0.25,
                r -> "https://meet.example/" + pick(r, FIRST).toLowerCase() + "-" + r.nextInt(10_000)));
        p.add(new Choice("partner", "certification_level", "Certification level", "portal", false, false, 0.8,
                List.of("none", "associate", "professional", "expert"), new double[]{40, 35, 18, 7}));

        // contact: system and built-in portal properties
        p.add(new Text("contact", "email", "E-mail", "string", "system", true, true, 1.0,
                r -> pick(r, FIRST).toLowerCase() + "." + r.nextInt(1000) + "@" + pick(r, COMPANY_A).toLowerCase()
                        + pick(r, COMPANY_B) + ".example"));
        p.add(new Text("contact", "first_name", "First name", "string", "system", true, true, 0.98,
                r -> skewed(r, FIRST)));
        p.add(new Text("contact", "last_name", "Last name", "string", "system", true, true, 0.98, r -> skewed(r, LAST)));
        p.add(PORTAL_STATUS);
        p.add(LAST_LOGIN);
        p.add(CONTACT_CREATED);
        p.add(ROLE);
        p.add(new Flag("contact", "certified", "Certified", "portal", true, 0.85, 0.25));
        p.add(LANGUAGE);
        // contact: CRM properties
        p.add(new Text("contact", "job_title", "Job title", "string", "crm", false, false, 0.8, r -> skewed(r, TITLES)));
        p.add(new Choice("contact", "department", "Department", "crm", false, false, 0.75,
                List.of("sales", "marketing", "engineering", "support", "executive", "finance", "operations"),
                new double[]{40, 15, 20, 10, 5, 4, 6}));
        p.add(new Choice("contact", "seniority", "Seniority", "crm", false, false, 0.7,
                List.of("junior", "mid", "senior", "lead", "director", "vp", "c_level"),
                new double[]{20, 30, 25, 10, 8, 4, 3}));
        p.add(new Text("contact", "phone", "Phone", "string", "crm", false, false, 0.6,
                r -> "+" + (1 + r.nextInt(98)) + " " + (100 + r.nextInt(900)) + " " + (1000000 + r.nextInt(9000000))));
        p.add(new Text("contact", "linkedin_url", "LinkedIn", "url", "crm", false, false, 0.4,
                r -> "https://linkedin.example/in/" + pick(r, FIRST).toLowerCase() + "-" + r.nextInt(100_000)));
        p.add(new Amount("contact", "trainings_completed", "Trainings completed", "portal", 0.7,
                Amount.skewedCount(30, 2.5)));
        p.add(new Choices("contact", "certifications", "Certifications", "portal", 0.5,
                List.of("sales_101", "tech_201", "tech_301", "security_pro", "cloud_architect"),
                new double[]{0.6, 0.3, 0.1, 0.08, 0.12}));
        p.add(new Choices("contact", "interests", "Interests", "portal", 0.6,
                List.of("product_updates", "webinars", "events", "newsletter", "beta"),
                new double[]{0.5, 0.3, 0.2, 0.4, 0.05}));
        p.add(new Flag("contact", "newsletter_opt_in", "Newsletter", "portal", false, 0.9, 0.45));
        p.add(new Flag("contact", "is_primary_contact", "Primary contact", "crm", false, 0.95, 0.1));
        p.add(new Flag("contact", "mfa_enabled", "MFA enabled", "portal", false, 1.0, 0.3));
        p.add(new Amount("contact", "deals_registered", "Deals registered", "portal", 0.8, Amount.skewedCount(100, 3.0)));
        p.add(new Amount("contact", "quota", "Quota", "crm", 0.4, Amount.logNormalAmount(250_000, 0.8)));
        p.add(new Moment("contact", "hire_date", "Hire date", "date", "crm", false, false, 0.5, 15 * 365, 0, 1.0));
        p.add(new Moment("contact", "last_training_at", "Last training", "datetime", "portal", false, false, 0.5,
                2 * 365, 0, 1.5));
        p.add(new Moment("contact", "last_deal_at", "Last deal", "datetime", "crm", false, false, 0.4, 2 * 365, 0,
                1.8));
        p.add(new Text("contact", "contact_owner", "Contact owner", "user", "crm", false, false, 0.5, users("co", 80)));
        p.add(new Choice("contact", "time_zone", "Time zone", "crm", false, false, 0.7,
                List.of("utc", "us_eastern", "us_central", "us_pacific", "europe_london", "europe_berlin",
                        "asia_tokyo", "asia_singapore", "australia_sydney", "america_sao_paulo"),
                PropertyModel.zipf(10, 0.8)));
        p.add(new Choice("contact", "lead_source", "Lead source", "crm", false, false, 0.65,
                List.of("web", "event", "referral", "partner", "cold_call", "other"), new double[]{35, 20, 20, 15, 5, 5}));
        p.add(new Amount("contact", "nps_score", "NPS", "portal", 0.3, Amount.uniformInt(0, 10)));
        p.add(new Text("contact", "notes", "Notes", "string", "crm", false, false, 0.1,
                r -> pick(r, WORDS) + " " + pick(r, WORDS)));
        return List.copyOf(p);
    }
}
