"""Category and relevance cues for phrasings of unseen reports (categories owner).

Every sentence here is written for this test; none is taken from an annotated document.
"""

from __future__ import annotations

import pytest

from harmwatch.extract import extract_text


def cats(text: str) -> list[str]:
    return extract_text(text)["categories"]


@pytest.mark.parametrize(
    "text,category",
    [
        # armed_clash: fire on positions, gun battles, combat between forces, spells of fighting
        (
            "Separatist units opened fire on the positions of the national army near the lake.",
            "armed_clash",
        ),
        ("Police said a gun battle with the militants lasted until dawn.", "armed_clash"),
        ("Since Monday, combats between the army and the militia have been daily.", "armed_clash"),
        ("The town fell to the insurgents after three days of fighting.", "armed_clash"),
        ("As fighting moves towards the port, the soldiers dig in.", "armed_clash"),
        ("Residents said the fighting lasted until the evening, the troops said.", "armed_clash"),
        ("Many of the dead had fled the fighting in the hills, the army said.", "armed_clash"),
        ("The bombardment was followed in the morning by a ground offensive.", "armed_clash"),
        ("Government troops advanced into the village at night.", "armed_clash"),
        # conflict gate: servicemen and gangs are conflict words
        ("Two servicemen were killed in an exchange of fire on the border.", "armed_clash"),
        ("Gang members opened fire on a crowd of traders at the market.", "killing"),
        (
            "Members of the gang attacked the town, setting houses and cars on fire.",
            "property_destruction",
        ),
        ("The gang fired indiscriminately at residents of the market town.", "killing"),
        (
            "Since the ethnic violence began, a mob killed two men and gang-raped a woman.",
            "sexual_violence",
        ),
        # air_strike with a perfect tense
        ("The rebels said enemy drones had struck their trenches near the ridge.", "air_strike"),
        # displacement by order
        (
            "After the offensive, the villagers were told to leave their homes within a week.",
            "displacement",
        ),
        ("Half a million people have been forced from their homes by the war.", "displacement"),
        (
            "The families of the hamlet, some 40 people, left on Monday as troops approached.",
            "displacement",
        ),
        (
            "Most women and children had already left the village in the first days of the war.",
            "displacement",
        ),
        # response: past-tense calls
        ("The bloc called for an immediate cessation of hostilities.", "response"),
        # response: prosecutors acting, calls with a day in between, mourning, aid, inquiries
        ("The regional prosecutor's office has opened a case over the shelling.", "response"),
        ("The bloc called on Friday for the release of the captured soldiers.", "response"),
        ("The mediators urged both sides to show restraint after the clashes.", "response"),
        ("The governor declared three days of mourning after the attack.", "response"),
        ("The agency stepped up food distributions for the displaced families.", "response"),
        ("A UN inquiry found that the drone attacks on civilians were deliberate.", "response"),
        ("A report by the region's Ombudsman lists the civilians killed in the war.", "response"),
        # detention: people held in camps or facilities
        ("Hundreds of boys had been held in two camps run by the occupation forces.", "detention"),
        ("The ombudsman received reports of kidnappings of farmers by the rebels.", "detention"),
        ("The saboteurs had held four villagers in a barn for hours, the army said.", "detention"),
        ("The soldiers took away about 30 men from the village.", "detention"),
        # air_strike: aircraft that have struck, bombs dropped by aircraft, explosive drones
        ("Enemy aircraft have struck the depot twice since Monday.", "air_strike"),
        ("Bombs dropped by aircraft damaged the bridge, the army said.", "air_strike"),
        ("A drone loaded with explosives fell on the market, wounding two women.", "air_strike"),
        # displacement: evacuation flights, residents of villages who left, people moved away
        ("The troops guarded the evacuation flights leaving the capital.", "displacement"),
        ("Since the shelling, residents of five villages have left for the city.", "displacement"),
        ("Most women and children have been moved to the capital, the army said.", "displacement"),
        # attack_on_education: suspended classes, the right to education
        (
            "Because of the blockade, the schools suspended classes for a month.",
            "attack_on_education",
        ),
        (
            "During the war, 5,000 pupils were deprived of the right to education.",
            "attack_on_education",
        ),
        # torture: beatings in interrogation
        ("Detained militiamen reported beatings during interrogation.", "torture"),
        (
            "The military prosecutor opened a case on charges including murder of the "
            "villagers found in the mass grave.",
            "killing",
        ),
        # killing: bombs aimed at civilians, killings of people, mobs
        ("A car bomb went off near the bus station, the army said.", "killing"),
        ("Two trucks packed with explosives blew up at the militia checkpoint.", "killing"),
        ("Monitors recorded the killing of at least 40 people by the militia.", "killing"),
        ("In the ethnic war, the teacher was killed by a mob outside his house.", "killing"),
        ("He was sentenced by the military court over the killing of a security guard.", "killing"),
        ("The Defender condemned the killing of the police officers by the soldiers.", "killing"),
        (
            "Witnesses said ambulances sent to the wounded soldiers were also shot at.",
            "attack_on_health",
        ),
        # NSAGs open the conflict gate
        ("NSAGs raided the district; three farmers were beheaded.", "killing"),
        # displacement: forced ... from their homes with a count in between
        ("The insurgents' raids have forced 12,000 people from their homes.", "displacement"),
        # shelling: tank fire, a single shell
        ("A tank shell hit the top floor of the clinic.", "shelling"),
        ("Witnesses said tank fire destroyed the bakery.", "shelling"),
        # blockade: restrictions on what enters
        ("The army keeps restrictions on the entry of food and fuel into the enclave.", "blockade"),
        # property_destruction: fires set, windows shattered, infrastructure blown up
        ("The militiamen set dozens of huts on fire before leaving.", "property_destruction"),
        ("The rebels were seen setting fire to warehouses near the dock.", "property_destruction"),
        (
            "The blast from the army depot shattered windows across the street.",
            "property_destruction",
        ),
        ("Insurgents blew up a stretch of the railway line at night.", "property_destruction"),
        ("The river bridge near the front line was destroyed overnight.", "property_destruction"),
        (
            "Dozens of agency installations have been hit since the war began.",
            "property_destruction",
        ),
        # blockade: supply routes cut
        ("The offensive cut off the main supply routes into the city.", "blockade"),
        (
            "The rebels neared the town, cutting off the provincial capital's supply routes.",
            "blockade",
        ),
        # a hotel siege is a standoff between attackers and security forces
        ("Security forces ended the hotel siege after a night of gunfire.", "armed_clash"),
        (
            "The road is held by the militia, making it impossible for trucks to reach the camp.",
            "blockade",
        ),
        ("Aid convoys can no longer reach the besieged quarter.", "blockade"),
        # blockade: a supply pipeline damaged or cut
        ("The gas pipeline into the enclave was damaged again on Tuesday.", "blockade"),
    ],
)
def test_category_cue(text: str, category: str) -> None:
    assert category in cats(text)


@pytest.mark.parametrize(
    "text,category",
    [
        # a party's standing war is background, not the setting of a harm
        ("The coalition, which has been fighting the rebels for years, denied it.", "armed_clash"),
        ("Thousands fled Rafah after the start of the ground operation there.", "armed_clash"),
        # a bombing in a document with a ground bomb and no aircraft is that bomb
        ("A truck bomb killed 40 people; the militants claimed the bombing.", "air_strike"),
        # "shells of buildings" are ruins, not artillery
        ("The photos show only the shells of buildings in the old town.", "shelling"),
        # flight that is not displacement: attackers fleeing, people fleeing a burning building,
        # advice not to flee, a named refugee camp
        ("After the raid on the army post, the attackers fled towards the border.", "displacement"),
        ("The nurses fleeing the burning building were hit by the drone.", "displacement"),
        ("Troops told residents to stay rather than flee ahead of the offensive.", "displacement"),
        ("The soldiers entered the Al-Amal refugee camp at dawn.", "displacement"),
        # shot at is not shot dead; a chemical massacre is coded as a chemical attack
        ("The patrol car of the peacekeepers was shot at near the line.", "killing"),
        ("The opposition forces condemned the chemical massacre in the town.", "killing"),
        # a prosecutor quoted for a toll, a national security council, medical care of the
        # wounded are not responses
        ("Eight civilians were killed in the shelling, the prosecutor's office said.", "response"),
        ("The president convened a session of the country's Security Council.", "response"),
        ("Two soldiers were wounded in the shelling and received medical assistance.", "response"),
        # arrests of suspects and arrest warrants are law enforcement, not conflict detention
        ("The army said it had arrested two suspects after the bombing.", "detention"),
        (
            "The mission urged the government to arrest and prosecute the militia leaders.",
            "detention",
        ),
        # a state of siege (martial law), a hotel siege, military supply lines are not blockades
        ("The province has been under a state of siege since the rebel attacks.", "blockade"),
        (
            "Troops ended the hotel siege after 20 hours; the siege over, rescuers went in.",
            "blockade",
        ),
        ("The air force said it struck militia positions and supply lines.", "blockade"),
        # a gunfire incident is not shelling; an armed group's lockdown is not a strike
        ("A UN helicopter came under fire near the militia's base.", "shelling"),
        ("The guerrillas imposed an armed strike on the river communities.", "air_strike"),
        # a gunship firing on people is an air strike, not a killing outside combat
        ("A helicopter gunship fired on people helping the wounded.", "killing"),
        # the wounded taken to hospital, a training school, an ambulance service speaking
        (
            "Burned soldiers were airlifted to hospitals in the capital after the shelling.",
            "attack_on_health",
        ),
        ("Militants attacked the police training school at dawn.", "attack_on_education"),
        ("The ambulance service says a rocket struck an open field.", "attack_on_health"),
        # murder as a legal qualification is not a reported killing
        (
            "Investigators opened a case under the articles on terrorism and murder after the "
            "mine blast hit the army truck.",
            "killing",
        ),
        (
            "The panel found the drone attacks amounted to the crimes against humanity of "
            "murder and forcible transfer.",
            "killing",
        ),
        # a call to refrain from hate speech is not hate speech
        ("The commission urged all parties in the war to refrain from hate speech.", "hate_speech"),
    ],
)
def test_category_not_cued(text: str, category: str) -> None:
    assert category not in cats(text)


def test_police_forces_arresting_robbers_is_not_conflict_detention() -> None:
    out = extract_text(
        "Two men held up a bank branch in the capital on Tuesday. The Internal Security "
        "Forces said they had arrested three people over the robbery."
    )
    assert "detention" not in out["categories"]
    assert not out["relevant"]


def test_arrest_of_an_accidents_organisers_is_not_conflict_detention() -> None:
    out = extract_text(
        "A stampede at a charity distribution killed 20 people in the war-torn capital. "
        "The rebel-run ministry said it had arrested three organisers of the event."
    )
    assert "detention" not in out["categories"]


def test_wildfire_in_a_former_war_zone_is_not_conflict_harm() -> None:
    out = extract_text(
        "A wildfire has burned 8,000 hectares of forest in the hills, and the blaze spread to "
        "two villages. Firefighters are hampered by landmines left from years of fighting "
        "between government forces and rebels. Old shells exploded in the heat, but nobody "
        "was hurt, the fire service said."
    )
    assert not out["relevant"]


def test_the_building_of_a_hit_hospital_is_not_housing() -> None:
    out = cats(
        "Artillery shells hit the maternity hospital in the city on Wednesday, the army said. "
        "Later the ministry published photographs of the partially destroyed building."
    )
    assert "attack_on_health" in out
    assert "property_destruction" not in out


def test_houses_beside_a_hit_school_stay_property() -> None:
    out = cats(
        "Rockets hit a school and destroyed three houses in the village, the army said. "
        "The roof of the building collapsed."
    )
    assert {"attack_on_education", "property_destruction"} <= set(out)


def test_no_damage_to_infrastructure_is_not_damage() -> None:
    assert "property_destruction" not in cats(
        "After the offensive, the monitors saw no damage to civilian infrastructure in the town."
    )
