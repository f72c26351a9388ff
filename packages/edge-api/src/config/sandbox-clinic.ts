/**
 * What the development sandbox's clinic ("Harbourside Health", seed 1) would write in its
 * configuration about its people and services: disciplines from the seed's specialties, each
 * practitioner's profession from the seed, the clinic's own bios, descriptions and prices. The ids
 * are the seed's (stable: they depend on the seed number only); test/sandbox-clinic.test.ts checks
 * every one of them against the running sandbox's seed, so a change to the seed cannot go unnoticed.
 */
import type { ClinicFileEntry } from "./schema.js";

const P = {
  nguyen: "849bce99-702d-4cf8-8673-7e3d79bce381",
  oconnor: "4e81fbb5-92f8-41c4-9359-5a22a1bac1b3",
  sharma: "6b04bf0a-706c-4621-9703-51505ed4c355",
  wilson: "dcc91f10-3a43-4031-8866-7b0bc46970b9",
  papadopoulos: "6f1ccbcf-a354-4542-86b0-fcc275223cbc",
  thompson: "7e5e8f3f-af3e-4911-b2a4-92811ab10ffc",
  chen: "05677e63-a9b4-4e1a-816c-84aee65067ab",
  russo: "ed297f53-c3b0-4cbe-b32a-6b3e7bf3be78",
  mitchell: "6ea16a0e-3bbc-4f66-854c-96f7c2524c91",
} as const;

const T = {
  initial: "6dd42f8a-f35a-4a1c-91e5-e4927e5c7838",
  standard: "5991c28c-54a2-47ed-b93d-b28914b5b7ae",
  extended: "e096613a-621a-4263-a5d8-995d0c544215",
  psychology: "da8b9cf1-6d7f-4259-8289-cbe38de1cfcb",
  hydrotherapy: "3b675129-25d1-4c8e-b1fe-b998446f12ff",
} as const;

const consults = [T.initial, T.standard, T.extended];

/** The sandbox clinic's disciplines, practitioners and appointment types, as a configuration file has them. */
export const SANDBOX_CLINIC_CATALOGUE = {
  disciplines: [
    {
      id: "physiotherapy",
      name: "Physiotherapy",
      description: "Back and neck pain, sports injuries and rehabilitation after surgery.",
      practitionerIds: [P.oconnor, P.sharma],
      appointmentTypeIds: [...consults, T.hydrotherapy],
      specialtyId: "ded61f05-392f-45c9-8d97-515d24219843",
    },
    {
      id: "psychology",
      name: "Psychology",
      description: "Anxiety, low mood, stress and sleep, with Mental Health Care Plan sessions.",
      practitionerIds: [P.nguyen, P.chen],
      appointmentTypeIds: [...consults, T.psychology],
      specialtyId: "cc7232f4-f35b-4add-a747-c973c065d35b",
    },
    {
      id: "dietetics",
      name: "Dietetics",
      description: "Practical eating plans for gut health, diabetes, sport and family life.",
      practitionerIds: [P.wilson],
      appointmentTypeIds: consults,
      specialtyId: "69716f45-5651-43b3-9a91-806f374e9556",
    },
    {
      id: "exercise-physiology",
      name: "Exercise physiology",
      description: "Programs for chronic conditions, strength and return to work.",
      practitionerIds: [P.papadopoulos, P.thompson],
      appointmentTypeIds: [...consults, T.hydrotherapy],
      specialtyId: "58330665-12b0-4e82-8b0c-5eb884a8da86",
    },
    {
      id: "podiatry",
      name: "Podiatry",
      description: "Foot and ankle pain, orthotics and diabetic foot care.",
      practitionerIds: [P.russo],
      appointmentTypeIds: consults,
      specialtyId: "2ad4b3a6-ab78-4bb3-8f97-f3d96d0f13ae",
    },
    {
      id: "occupational-therapy",
      name: "Occupational therapy",
      description: "Everyday tasks after injury or illness, hand therapy, home and work set-up.",
      practitionerIds: [P.mitchell],
      appointmentTypeIds: consults,
      specialtyId: "a7300b22-6d58-494f-b81f-aff7ea8f6e55",
    },
  ],
  practitioners: [
    {
      id: P.nguyen,
      profession: "Clinical Psychologist",
      bio: "Amelia helps adults with anxiety, low mood and burnout, using CBT and acceptance-based therapy. She is known for practical sessions and plain language.",
    },
    {
      id: P.oconnor,
      profession: "Physiotherapist",
      bio: "Liam treats sports and running injuries and loves getting people back to the activities they miss. He played state-league football before turning to physio.",
    },
    {
      id: P.sharma,
      profession: "Physiotherapist",
      bio: "Priya has a special interest in back and neck pain and in rehabilitation after surgery, and runs our warm-water hydrotherapy classes in Williamstown.",
    },
    {
      id: P.wilson,
      profession: "Dietitian",
      bio: "Charlotte is an Accredited Practising Dietitian who makes eating well realistic for busy families, with a focus on gut health and diabetes.",
    },
    {
      id: P.papadopoulos,
      profession: "Exercise Physiologist",
      bio: "Nick builds exercise programs for people living with chronic conditions and for those returning to work after injury.",
    },
    {
      id: P.thompson,
      profession: "Exercise Physiologist",
      bio: "Jack works with older adults and people with heart and lung conditions, helping them stay strong, steady and independent.",
    },
    {
      id: P.chen,
      profession: "Psychologist",
      bio: "Mei supports young adults and parents through stress, life changes and relationships, with a warm and collaborative approach.",
    },
    {
      id: P.russo,
      profession: "Podiatrist",
      bio: "Marco treats heel and foot pain, prescribes orthotics and looks after diabetic feet across Port Adelaide and the western suburbs.",
    },
    {
      id: P.mitchell,
      profession: "Occupational Therapist",
      bio: "Sophie helps people manage everyday tasks after injury or illness, from hand therapy to home and workplace set-up.",
    },
  ],
  appointmentTypes: [
    {
      id: T.initial,
      description: "Your first visit: assessment, diagnosis and a plan.",
      price: 12_000,
      audience: "new",
    },
    { id: T.standard, description: "Treatment and review of your progress.", price: 9_500, audience: "all" },
    {
      id: T.extended,
      description: "More time for complex or multiple concerns.",
      price: 13_000,
      audience: "all",
    },
    {
      id: T.psychology,
      description: "A 50-minute session with Dr Amelia Nguyen.",
      price: 22_000,
      audience: "all",
    },
    {
      id: T.hydrotherapy,
      description: "Warm-water exercise in our Williamstown pool.",
      price: 6_500,
      audience: "all",
    },
  ],
} satisfies Pick<ClinicFileEntry, "disciplines" | "practitioners" | "appointmentTypes">;
